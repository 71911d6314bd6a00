"""A sync by a USB stick as the teacher sees it (sync.bundles.through_folder): what was done, and every bundle on the
stick with what it holds and for whom, in her language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop import messages
from sync.bundles import FolderSync, Found

translate = QCoreApplication.translate  # (so named, pyside6-lupdate finds the texts)


def summary(done: FolderSync) -> str:
    """What the sync through the stick did, a sentence each."""
    lines = []
    if done.applied:
        sent, received = sum(a.acknowledged for a in done.applied), sum(a.pulled for a in done.applied)
        lines.append(translate("StickSync", "The server's answer is applied: %1 of your changes confirmed, %2 "
                                            "received.").replace("%1", str(sent)).replace("%2", str(received)))
    if done.passed_over:
        lines.append(translate("StickSync", "An older answer was passed over: this PC has synced since. Nothing "
                                            "is lost."))
    for path, code in done.refused:
        lines.append(translate("StickSync", "%1 was not applied: %2").replace("%1", path.name)
                     .replace("%2", refusal(code)))
    if done.carried:
        taken = [c for c in done.carried if c.answer is not None]
        lines.append(translate("StickSync", "Bundles of other PCs taken to the server: %1; their answers are on the "
                                            "stick.").replace("%1", str(len(taken))))
        for carried in done.carried:
            if carried.refused is not None:
                lines.append(translate("StickSync", "%1 was refused by the server: %2")
                             .replace("%1", carried.request.name).replace("%2", refusal(carried.refused)))
    elif done.offline:
        lines.append(translate("StickSync", "This PC is not online: bundles of other PCs on the stick stay for a PC "
                                            "with internet."))
    if done.written is not None:
        lines.append(translate("StickSync", "Your bundle is on the stick with %1 changes. Take the stick to a PC "
                                            "with internet, then back here, and sync by the stick again.")
                     .replace("%1", str(done.written[1].ops)))
    return "\n".join(lines)


def listing(done: FolderSync) -> str:
    """Every bundle on the stick, one a line: what it holds and for whom, and when it was made."""
    return "\n".join(line(found) for found in done.found)


def line(found: Found) -> str:
    if found.header is None:
        return f"{found.path.name}: {refusal(found.error or 'not_a_bundle')}"
    header, made = found.header, messages.local(found.header.made_at)
    pc = (translate("StickSync", "this PC") if found.mine
          else translate("StickSync", "PC %1").replace("%1", header.device_id[:8]))
    if header.kind == "request":
        text = translate("StickSync", "request from %1, %2 changes, made %3")
    else:
        text = translate("StickSync", "answer for %1, %2 results and %4 changes from the server, made %3")
    return (f"{found.path.name}: " + text.replace("%1", pc).replace("%2", str(header.ops)).replace("%3", made)
            .replace("%4", str(header.changes)))


def refusal(code: str) -> str:
    """Why a bundle cannot be taken, from its code (core.bundle.BundleError; the server's bundle_… refusals)."""
    texts = {
        "not_a_bundle": translate("StickSync", "it is not a Dala Journal sync bundle."),
        "truncated": translate("StickSync", "it was not copied whole; copy it again from the PC that made it."),
        "bad_signature": translate("StickSync", "it was changed after it was made, or not made by the PC it names."),
        "not_for_us": translate("StickSync", "it is meant for another PC or another school's server."),
        "unknown_device": translate("StickSync", "the server does not know this PC's key yet: the PC must sync "
                                                 "online once."),
        "too_large": translate("StickSync", "it is too large to be a sync bundle."),
        "not_a_request": translate("StickSync", "it is an answer: it goes back to its PC, not to the server."),
        "unreadable": translate("StickSync", "the file cannot be read from the stick."),
    }
    return texts.get(code.removeprefix("bundle_"), messages.sync_error(code, None))
