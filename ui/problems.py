"""Translated problem texts of the Qt-free modules (spreadsheet import, product checks,
deal terms, workspace and deal errors).

``app``/``offline_cache`` write their problems in English, as ``CodedText``: a ``str``
that also carries a stable ``code`` (``"moq.not_whole"``) and the ``params`` of its
template. Here each code has its English template (marked for lupdate in the
``Problems`` context); the UI shows::

    tr_problem(code, params, english) -> str   # the translated template, formatted
    tr_text(text) -> str                       # a CodedText (or plain str) as shown
    tr_error(exc) -> str                       # an exception's (coded) message as shown
    field_label(field) -> str                  # "moq" -> "MOQ" / "起订量"

An unknown code, a template without a translation for the current language (so the
English UI shows exactly the English text) or a translation that does not format falls
back to the English text. A param that is itself a ``CodedText`` is translated too;
``items`` (a list of ``(field or path, problem)`` pairs) becomes one line per pair.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

log = logging.getLogger("fairdesk.ui")

CONTEXT = "Problems"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # the name lupdate looks for
    """Mark ``source`` for lupdate in ``context`` (typed; Qt's returns ``object``)."""
    return source


# code -> English template ({name} placeholders are the CodedText's params)
TEMPLATES: dict[str, str] = {
    # -- reading a spreadsheet (app/spreadsheet.py)
    "file.not_file": QT_TRANSLATE_NOOP("Problems", "{name} is not a file"),
    "file.cannot_read": QT_TRANSLATE_NOOP("Problems", "cannot read {name}: {error}"),
    "file.empty": QT_TRANSLATE_NOOP("Problems", "{name} is empty"),
    "file.is_xls": QT_TRANSLATE_NOOP(
        "Problems",
        "{name} is an old-format Excel (.xls) or other Office file; save it as .xlsx or CSV"),
    "file.is_pdf": QT_TRANSLATE_NOOP("Problems", "{name} is a PDF document, not a spreadsheet"),
    "file.is_png": QT_TRANSLATE_NOOP("Problems", "{name} is a PNG image, not a spreadsheet"),
    "file.is_jpeg": QT_TRANSLATE_NOOP("Problems", "{name} is a JPEG image, not a spreadsheet"),
    "file.is_gif": QT_TRANSLATE_NOOP("Problems", "{name} is a GIF image, not a spreadsheet"),
    "file.is_gzip": QT_TRANSLATE_NOOP("Problems", "{name} is a gzip archive, not a spreadsheet"),
    "file.is_rar": QT_TRANSLATE_NOOP("Problems", "{name} is a RAR archive, not a spreadsheet"),
    "file.is_7z": QT_TRANSLATE_NOOP("Problems", "{name} is a 7-Zip archive, not a spreadsheet"),
    "file.bad_xlsx_name": QT_TRANSLATE_NOOP(
        "Problems",
        "{name} is not a valid Excel workbook (.xlsx): the file is damaged or of another type"),
    "file.utf16_no_bom": QT_TRANSLATE_NOOP(
        "Problems",
        "{name} looks like UTF-16 text without a byte order mark; save it as 'CSV UTF-8' "
        "(or Unicode text with a BOM) and try again"),
    "file.binary": QT_TRANSLATE_NOOP(
        "Problems", "{name} is not a CSV or Excel file (it holds binary data)"),
    "file.encoding": QT_TRANSLATE_NOOP(
        "Problems",
        "{name} is not UTF-8, UTF-16 or GB18030 (Chinese) text: byte {byte} at position "
        "{position} cannot be read. Save it as 'CSV UTF-8' from your spreadsheet program "
        "and try again"),
    "file.damaged_text": QT_TRANSLATE_NOOP(
        "Problems", "{name} starts like {encoding} text but is damaged at byte {position}"),
    "file.csv_too_big": QT_TRANSLATE_NOOP(
        "Problems",
        "{name} is {size} MB; a catalog file is at most {max_mb} MB and {max_rows} products"),
    "file.bad_csv": QT_TRANSLATE_NOOP(
        "Problems", "{name} is not valid CSV near line {line}: {error}"),
    "file.no_openpyxl": QT_TRANSLATE_NOOP(
        "Problems", "reading .xlsx needs the openpyxl package"),
    "file.bad_xlsx": QT_TRANSLATE_NOOP(
        "Problems", "{name} is not a readable Excel workbook (.xlsx): {error}"),
    "file.xlsx_too_big": QT_TRANSLATE_NOOP(
        "Problems",
        "{name} unpacks to {size} MB; a catalog workbook is at most {max_mb} MB unpacked "
        "and {max_rows} products"),
    "file.xlsx_unreadable": QT_TRANSLATE_NOOP(
        "Problems", "{name} cannot be read as an Excel workbook: {error}"),
    "file.no_worksheet": QT_TRANSLATE_NOOP("Problems", "{name} has no worksheet"),
    "file.damaged": QT_TRANSLATE_NOOP("Problems", "{name} is damaged: {error}"),
    "file.unreadable": QT_TRANSLATE_NOOP("Problems", "{name} cannot be read: {error}"),
    "file.too_many_rows": QT_TRANSLATE_NOOP(
        "Problems",
        "{name} has more than {max_rows} product rows; import at most {max_rows} products "
        "per file (split it into several files)"),
    "file.too_many_scanned": QT_TRANSLATE_NOOP(
        "Problems",
        "{name} has more than {scanned} rows; a catalog file holds at most {max_rows} "
        "products (delete the empty rows below your data, or split the file)"),
    "file.no_rows": QT_TRANSLATE_NOOP("Problems", "{name} has a header row but no product rows"),
    "file.cannot_write": QT_TRANSLATE_NOOP("Problems", "cannot write {name}: {error}"),
    # -- checking the rows of a spreadsheet (dry run)
    "cell.formula": QT_TRANSLATE_NOOP(
        "Problems", "holds a formula ({formula}), not a value; paste the values instead"),
    "cell.error_value": QT_TRANSLATE_NOOP("Problems", "holds the error value {value}"),
    "moq.whole": QT_TRANSLATE_NOOP("Problems", "MOQ must be a whole number"),
    "moq.not_whole": QT_TRANSLATE_NOOP("Problems", "MOQ must be a whole number, not {value}"),
    "id.whole": QT_TRANSLATE_NOOP("Problems", "product ID must be a whole number"),
    "id.not_whole": QT_TRANSLATE_NOOP(
        "Problems", "product ID must be a whole number, not {value}"),
    "id.not_yours": QT_TRANSLATE_NOOP("Problems", "product {id} is not one of your products"),
    "id.duplicate": QT_TRANSLATE_NOOP("Problems", "product {id} is also updated by row {row}"),
    "price.invalid": QT_TRANSLATE_NOOP("Problems", "price must be a price such as 1.20"),
    "price.not_price": QT_TRANSLATE_NOOP(
        "Problems", "price must be a price such as 1.20, not {value}"),
    "price.negative": QT_TRANSLATE_NOOP("Problems", "price must be a price of 0 or more"),
    "price.decimals": QT_TRANSLATE_NOOP("Problems", "price has more than 2 decimals ({value})"),
    "price.max_below_min": QT_TRANSLATE_NOOP(
        "Problems", "the maximum price is below the minimum price"),
    "hidden.not_bool": QT_TRANSLATE_NOOP("Problems", "Hidden must be yes or no, not {value}"),
    "specs.format": QT_TRANSLATE_NOOP(
        "Problems", "specification {spec} must be written name: value"),
    "section.no_id": QT_TRANSLATE_NOOP("Problems", "there is no section {id}"),
    "section.no_name": QT_TRANSLATE_NOOP("Problems", "there is no section named {name}"),
    "section.required": QT_TRANSLATE_NOOP("Problems", "a new product needs a section"),
    "currency.invalid": QT_TRANSLATE_NOOP(
        "Problems", "currency must be a 3-letter code such as USD, not {value}"),
    "lead_time.invalid": QT_TRANSLATE_NOOP(
        "Problems", "lead time must be a number of days, not {value}"),
    "name.duplicate": QT_TRANSLATE_NOOP("Problems", "the same product name is on row {row}"),
    "name.required": QT_TRANSLATE_NOOP("Problems", "a new product needs an English name"),
    "import.unknown_fields": QT_TRANSLATE_NOOP("Problems", "unknown import field(s): {fields}"),
    "import.bad_column": QT_TRANSLATE_NOOP(
        "Problems", "column of {field} is not a column of the sheet"),
    "import.no_name_column": QT_TRANSLATE_NOOP(
        "Problems", "map a column to Name (English) (or Product ID)"),
    "field.problem": QT_TRANSLATE_NOOP("Problems", "{label} {problem}"),
    # -- a product as the server checks it (offline_cache/workspace.py product_problems)
    "product.unknown_field": QT_TRANSLATE_NOOP("Problems", "is not a product field"),
    "product.required": QT_TRANSLATE_NOOP("Problems", "is required"),
    "product.id_required": QT_TRANSLATE_NOOP("Problems", "an edit needs the product's id"),
    "product.positive_int": QT_TRANSLATE_NOOP("Problems", "must be a positive whole number"),
    "product.null": QT_TRANSLATE_NOOP("Problems", "may not be empty (null)"),
    "product.not_text": QT_TRANSLATE_NOOP("Problems", "must be text"),
    "product.too_long": QT_TRANSLATE_NOOP("Problems", "is longer than {limit} characters"),
    "product.surrogate": QT_TRANSLATE_NOOP(
        "Problems", "is not valid text (unpaired surrogate)"),
    "product.nul": QT_TRANSLATE_NOOP("Problems", "contains a NUL character"),
    "product.blank": QT_TRANSLATE_NOOP("Problems", "may not be blank"),
    "product.cents_range": QT_TRANSLATE_NOOP(
        "Problems", "must be a whole number of cents from 0 to 10^13"),
    "product.max_below_min": QT_TRANSLATE_NOOP("Problems", "is below the minimum price"),
    "product.currency": QT_TRANSLATE_NOOP(
        "Problems", "must be a 3-letter ISO 4217 code such as USD"),
    "product.moq_range": QT_TRANSLATE_NOOP(
        "Problems", "must be a whole number from 1 to 1,000,000,000"),
    "product.lead_range": QT_TRANSLATE_NOOP(
        "Problems", "must be a whole number of days from 0 to 3650"),
    "product.hidden_bool": QT_TRANSLATE_NOOP("Problems", "must be true or false"),
    "product.certs_list": QT_TRANSLATE_NOOP("Problems", "must be a list of at most 50 names"),
    "product.cert_length": QT_TRANSLATE_NOOP(
        "Problems", "each certification is 1 to 50 characters"),
    "product.specs_list": QT_TRANSLATE_NOOP(
        "Problems", "must be a list of at most 100 specifications"),
    "product.spec_keys": QT_TRANSLATE_NOOP(
        "Problems", "must have name_en, name_zh and value only"),
    "product.spec_name": QT_TRANSLATE_NOOP("Problems", "is required (at most 200 characters)"),
    "product.spec_name_zh": QT_TRANSLATE_NOOP("Problems", "is at most 200 characters"),
    "product.spec_value": QT_TRANSLATE_NOOP("Problems", "is required (at most 500 characters)"),
    "product.images_max": QT_TRANSLATE_NOOP("Problems", "a product has at most {max} images"),
    "product.images_uuid": QT_TRANSLATE_NOOP("Problems", "must be attachment UUIDs"),
    # -- deal terms (app/deals.py validate_terms)
    "terms.not_object": QT_TRANSLATE_NOOP("Problems", "must be an object"),
    "terms.unknown_field": QT_TRANSLATE_NOOP("Problems", "unknown field"),
    "terms.no_items": QT_TRANSLATE_NOOP("Problems", "at least one line item"),
    "terms.too_many_items": QT_TRANSLATE_NOOP("Problems", "at most {max} line items"),
    "terms.product_id": QT_TRANSLATE_NOOP("Problems", "must be a product id or empty"),
    "terms.required": QT_TRANSLATE_NOOP("Problems", "is required"),
    "terms.not_text": QT_TRANSLATE_NOOP("Problems", "must be text"),
    "terms.empty": QT_TRANSLATE_NOOP("Problems", "must not be empty"),
    "terms.too_long": QT_TRANSLATE_NOOP("Problems", "at most {max} characters"),
    "terms.nul": QT_TRANSLATE_NOOP("Problems", "must not contain NUL characters"),
    "terms.blank": QT_TRANSLATE_NOOP("Problems", "must not be blank"),
    "terms.surrogate": QT_TRANSLATE_NOOP("Problems", "contains an unpaired surrogate"),
    "terms.quantity_not_decimal": QT_TRANSLATE_NOOP(
        "Problems",
        "{value} is not a decimal number (digits, at most 6 decimals, e.g. “1000” or “2.5”)"),
    "terms.quantity_not_positive": QT_TRANSLATE_NOOP("Problems", "must be positive"),
    "terms.price_not_decimal": QT_TRANSLATE_NOOP(
        "Problems", "{value} is not a decimal number (digits, at most 4 decimals, e.g. “12.50”)"),
    "terms.currency": QT_TRANSLATE_NOOP("Problems", "{value} is not an ISO 4217 currency code"),
    "terms.incoterm": QT_TRANSLATE_NOOP(
        "Problems", "{value} is not an Incoterm 2020 rule ({rules})"),
    "terms.date_format": QT_TRANSLATE_NOOP("Problems", "must be a date YYYY-MM-DD"),
    "terms.date_invalid": QT_TRANSLATE_NOOP("Problems", "{value} is not a valid date"),
    "terms.date_range": QT_TRANSLATE_NOOP("Problems", "must be between 2000 and 2100"),
    "terms.date_past": QT_TRANSLATE_NOOP("Problems", "{value} is in the past"),
    "terms.until_format": QT_TRANSLATE_NOOP(
        "Problems", "must be a UTC time YYYY-MM-DDTHH:MM:SSZ"),
    "terms.until_invalid": QT_TRANSLATE_NOOP("Problems", "{value} is not a valid time"),
    "terms.until_past": QT_TRANSLATE_NOOP(
        "Problems", "{value} is already past; an offer must be valid for a while"),
    "terms.until_too_far": QT_TRANSLATE_NOOP(
        "Problems", "an offer may be valid for at most a year"),
    # -- deal commands (app/deals.py DealError)
    "deal.bad_base_version": QT_TRANSLATE_NOOP(
        "Problems", "base_version must be a deal version, got {value}"),
    "deal.not_found": QT_TRANSLATE_NOOP("Problems", "There is no deal {id} on this device."),
    "deal.not_party": QT_TRANSLATE_NOOP("Problems", "You are not a party to this deal."),
    "deal.open_refused": QT_TRANSLATE_NOOP(
        "Problems", "The server did not open this deal: {reason}"),
    "deal.pending": QT_TRANSLATE_NOOP(
        "Problems",
        "Your previous change to this deal is still waiting to be sent; wait for its "
        "result first."),
    "deal.expired": QT_TRANSLATE_NOOP(
        "Problems",
        "The offer expired at {until}: it can no longer be accepted; counter it instead."),
    "deal.not_allowed.offer": QT_TRANSLATE_NOOP(
        "Problems",
        "You cannot offer now: the deal is {state} (an offer is made on a draft; answer an "
        "open offer with a counter-offer)."),
    "deal.not_allowed.counter": QT_TRANSLATE_NOOP(
        "Problems",
        "You cannot counter now: the deal is {state} (only the side that did not make the "
        "current offer may counter it)."),
    "deal.not_allowed.accept": QT_TRANSLATE_NOOP(
        "Problems",
        "You cannot accept now: the deal is {state} (only the side that did not make the "
        "current offer may accept it, before it expires)."),
    "deal.not_allowed.decline": QT_TRANSLATE_NOOP(
        "Problems",
        "You cannot decline now: the deal is {state} (only the side that did not make the "
        "current offer may decline it)."),
    "deal.not_allowed.withdraw": QT_TRANSLATE_NOOP(
        "Problems",
        "You cannot withdraw now: the deal is {state} (only the side that made the current "
        "offer may withdraw it)."),
    "deal.not_allowed.sign": QT_TRANSLATE_NOOP(
        "Problems",
        "You cannot sign now: the deal is {state} (only accepted terms are signed, once by "
        "each side)."),
    "deal.changed": QT_TRANSLATE_NOOP(
        "Problems",
        "The deal changed meanwhile (it is now version {version}, you looked at version "
        "{seen}): look at it again."),
    "deal.no_keys": QT_TRANSLATE_NOOP("Problems", "Signing is not available: no key store."),
    "deal.nothing_to_sign": QT_TRANSLATE_NOOP(
        "Problems", "The deal has no accepted terms to sign."),
    "deal.hash_mismatch": QT_TRANSLATE_NOOP(
        "Problems",
        "The terms on this device do not match the accepted terms' hash: they will not be "
        "signed. Sync again and check the deal."),
    "deal.not_synced": QT_TRANSLATE_NOOP("Problems", "Your account is not synced yet."),
    "deal.offline": QT_TRANSLATE_NOOP("Problems", "Not connected to a server."),
    "deal.bad_reply": QT_TRANSLATE_NOOP("Problems", "The server sent an unexpected reply."),
    "deal.no_terms": QT_TRANSLATE_NOOP(
        "Problems", "This deal has no terms yet: there is nothing to export."),
    "deal.history_incomplete": QT_TRANSLATE_NOOP(
        "Problems",
        "The deal's history is still downloading; try again after the next sync."),
    # -- the workspace (app/workspace.py WorkspaceError)
    "image.not_file": QT_TRANSLATE_NOOP("Problems", "{name} is not a file"),
    "image.cannot_read": QT_TRANSLATE_NOOP("Problems", "cannot read {name}: {error}"),
    "image.empty": QT_TRANSLATE_NOOP("Problems", "{name} is empty"),
    "image.not_image": QT_TRANSLATE_NOOP("Problems", "{name} is not a JPEG, PNG or WebP image"),
    "image.too_many_pixels": QT_TRANSLATE_NOOP(
        "Problems", "{name} is {width}×{height} pixels; images are at most {max} megapixels"),
    "image.bomb": QT_TRANSLATE_NOOP("Problems", "{name} is too large in pixels: {error}"),
    "image.damaged": QT_TRANSLATE_NOOP(
        "Problems", "{name} is a damaged or unsupported image: {error}"),
    "image.cannot_copy": QT_TRANSLATE_NOOP("Problems", "cannot copy {name}: {error}"),
    "workspace.not_staff": QT_TRANSLATE_NOOP(
        "Problems", "only exhibitor staff have a workspace (no company in this profile)"),
    "figures.days": QT_TRANSLATE_NOOP("Problems", "figures cover 1 to 366 days"),
    "import.not_staff": QT_TRANSLATE_NOOP("Problems", "only exhibitor staff import products"),
    "import.has_problems": QT_TRANSLATE_NOOP(
        "Problems", "{count} problem(s) in {name}: fix them first (row {row}: {first})"),
    "import.no_products": QT_TRANSLATE_NOOP("Problems", "{name} has no products to import"),
    "import.too_many": QT_TRANSLATE_NOOP("Problems", "at most {max} products per import"),
}

#: codes whose ``items`` param lists (field or path, problem) pairs, one line each
LIST_CODES = frozenset({"product.problems", "terms.problems"})

#: product fields (and the import's field names) as the user reads them
FIELD_LABELS: dict[str, str] = {
    "id": QT_TRANSLATE_NOOP("Problems", "Product ID"),
    "company_id": QT_TRANSLATE_NOOP("Problems", "Company"),
    "section_id": QT_TRANSLATE_NOOP("Problems", "Section"),
    "section": QT_TRANSLATE_NOOP("Problems", "Section"),
    "name_en": QT_TRANSLATE_NOOP("Problems", "Name (English)"),
    "name_zh": QT_TRANSLATE_NOOP("Problems", "Name (Chinese)"),
    "desc_en": QT_TRANSLATE_NOOP("Problems", "Description (English)"),
    "desc_zh": QT_TRANSLATE_NOOP("Problems", "Description (Chinese)"),
    "specs": QT_TRANSLATE_NOOP("Problems", "Specifications"),
    "price_min_cents": QT_TRANSLATE_NOOP("Problems", "Price min"),
    "price_min": QT_TRANSLATE_NOOP("Problems", "Price min"),
    "price_max_cents": QT_TRANSLATE_NOOP("Problems", "Price max"),
    "price_max": QT_TRANSLATE_NOOP("Problems", "Price max"),
    "currency": QT_TRANSLATE_NOOP("Problems", "Currency"),
    "moq": QT_TRANSLATE_NOOP("Problems", "MOQ"),
    "unit_en": QT_TRANSLATE_NOOP("Problems", "Unit (English)"),
    "unit_zh": QT_TRANSLATE_NOOP("Problems", "Unit (Chinese)"),
    "lead_time_days": QT_TRANSLATE_NOOP("Problems", "Lead time (days)"),
    "certifications": QT_TRANSLATE_NOOP("Problems", "Certifications"),
    "keywords": QT_TRANSLATE_NOOP("Problems", "Keywords"),
    "hidden": QT_TRANSLATE_NOOP("Problems", "Hidden"),
    "image_attachment_ids": QT_TRANSLATE_NOOP("Problems", "Images"),
}


def _translate(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def field_label(field: str) -> str:
    """A product field (``"moq"``, ``"specs.0.name_en"``) as the user reads it; an
    unknown field as it is."""
    head = field.split(".")[0]
    source = FIELD_LABELS.get(head)
    if source is None:
        return field
    text = _translate(source)
    rest = field[len(head):]
    return text + rest if rest else text


def _where(path: str) -> str:
    if path == "terms" or path.startswith("terms."):
        from ui.pages.deal_terms import field_caption, problem_key

        row, name = problem_key(path)
        caption = field_caption(name) if name else ""
        if row is None:
            return caption
        line = QCoreApplication.translate("DealTerms", "Line {n}").format(n=row + 1)
        return QCoreApplication.translate("DealTerms", "{line}, {field}").format(
            line=line, field=caption) if caption else line
    return field_label(path)


def _items_text(items: Any) -> str:
    lines = []
    for entry in items if isinstance(items, Sequence) and not isinstance(items, str) else ():
        if isinstance(entry, Sequence) and not isinstance(entry, str) and len(entry) == 2:
            where, what = entry
            lines.append(_translate("{field}: {problem}").format(
                field=_where(str(where)), problem=tr_text(what)))
        else:
            lines.append(tr_text(entry) if isinstance(entry, str) else str(entry))
    return _translate("; ").join(lines)


# the list lines' own strings (lupdate sees them here)
_LIST_STRINGS = (QT_TRANSLATE_NOOP("Problems", "{field}: {problem}"),
                 QT_TRANSLATE_NOOP("Problems", "; "))


def _value(v: Any) -> Any:
    if isinstance(v, str):
        return tr_text(v)
    return v


def tr_problem(code: str, params: Mapping[str, Any] | None, english: str) -> str:
    """The problem ``code`` in the UI's language, its template formatted with ``params``
    (params that are CodedText are translated too); ``english`` when the code is unknown,
    the template is not translated, or the translation does not format."""
    english = str(english)
    params = dict(params or {})
    if code in LIST_CODES:
        if _translate("; ") == "; " and _translate("{field}: {problem}") == "{field}: {problem}":
            return english  # the English UI: the text as written
        return _items_text(params.get("items")) or english
    template = TEMPLATES.get(code)
    if template is None:
        return english
    text = _translate(template)
    if text == template:
        return english  # no translation for this language: the text as written
    values = {k: _value(v) for k, v in params.items()}
    if code.startswith("deal.") and isinstance(params.get("state"), str):
        from ui.pages.deals import state_text  # "offered" -> "Offered" / its translation

        values["state"] = state_text(params["state"])
    try:
        return text.format_map(values)
    except (KeyError, IndexError, ValueError, AttributeError) as exc:
        log.debug("problem %s: translation %r does not format: %s", code, text, exc)
        return english


def tr_text(text: Any) -> str:
    """A (coded) problem text as the UI shows it."""
    code = getattr(text, "code", "")
    if isinstance(code, str) and code:
        return tr_problem(code, getattr(text, "params", None), str(text))
    return "" if text is None else str(text)


def tr_error(exc: BaseException) -> str:
    """An exception's message as the UI shows it (translated when it is coded)."""
    msg: Any = exc.args[0] if exc.args else None
    code: Any = getattr(msg, "code", None)
    if isinstance(msg, str) and isinstance(code, str) and code:
        return tr_text(msg)
    return str(exc) or type(exc).__name__
