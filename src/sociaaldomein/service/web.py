"""The web page: server-rendered pages, Dutch by default, for the people who run a pilot.

Every text a person reads is a message of the library's catalogue, written in
the templates (``templates/``) as ``{{ _("...", name=value) }}`` or here with
``_()``; the page is in the language the reader chose (``?lang=en``, kept in a
cookie), else the first of Dutch and English their browser asks for
(``Accept-Language``), else Dutch.  The pages need no build
step and work without JavaScript (``static/enhance.js`` only moves the focus
to an error list and says when an uploaded file replaces the form).  A token
is entered once on ``/inloggen`` and kept in an HttpOnly, SameSite=Strict
cookie; a form posted from another site is refused.
"""

from __future__ import annotations

import contextlib
import enum
import html
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import urlsplit

import attrs
import pendulum
from fastapi import FastAPI, Request
from starlette.datastructures import FormData, UploadFile
from starlette.responses import RedirectResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from sociaaldomein.domain.gezin import (
    Dwangmiddel,
    Hulpvraag,
    LidRol,
    Probleem,
    Signaal,
    Verwijzer,
    ZrmDomein,
    ZrmScores,
)
from sociaaldomein.domain.pilot import PilotStatus
from sociaaldomein.domain.rules import Rule
from sociaaldomein.domain.verdict import Outcome
from sociaaldomein.errors import InvalidValueError, PluginFailedError, UnknownPilotError
from sociaaldomein.i18n import (
    Bericht,
    Language,
    _,
    as_language,
    current_language,
    label,
    render_value,
    use_language,
)
from sociaaldomein.i18n.dates import euros
from sociaaldomein.io import FileFormatError, Format, loads_document, unstructure
from sociaaldomein.service.access import Grant, Permission
from sociaaldomein.service.api import read_families
from sociaaldomein.service.errors import redact
from sociaaldomein.service.guard import COOKIE, log_refusal, route_of

if TYPE_CHECKING:
    from sociaaldomein.service.app import Service

__all__ = ["OUTCOMES", "STATUSES", "form_to_document", "web_router"]

HERE: Final = Path(__file__).parent
MEMBERS: Final = 4
"""Rows for members in the form (a larger family comes as a file)."""

OUTCOMES: Final = {o.name: label(o, "nl") for o in Outcome}
"""The outcome of a verdict as the Dutch page says it (:func:`outcomes` in any language)."""
STATUSES: Final = {s.name: label(s, "nl") for s in PilotStatus}
"""The status of a pilot as the Dutch page says it (:func:`statuses` in any language)."""
LANGUAGE_COOKIE: Final = "taal"
"""The cookie that keeps the language a reader chose with ``?lang=``."""
DEFAULT_LANGUAGE: Final[Language] = "nl"
"""The page's language when the reader asks for none the library has."""


def outcomes(language: Language) -> dict[str, str]:
    """The outcome of a verdict by its name, as the page says it in ``language``."""
    return {o.name: label(o, language) for o in Outcome}


def statuses(language: Language) -> dict[str, str]:
    """The status of a pilot by its name, as the page says it in ``language``."""
    return {s.name: label(s, language) for s in PilotStatus}


def page_language(request: Request) -> Language:
    """The language of the page: ``?lang=``, the cookie, ``Accept-Language``, else Dutch."""
    for chosen in (request.query_params.get("lang"), request.cookies.get(LANGUAGE_COOKIE)):
        if chosen:
            with contextlib.suppress(ValueError):
                return as_language(chosen)
    return accepted_language(request.headers.get("accept-language", ""))


def accepted_language(header: str) -> Language:
    """The first language of an ``Accept-Language`` header the library has, by weight.

    >>> accepted_language("de-DE, en;q=0.8, nl;q=0.5")
    'en'
    >>> accepted_language("fr")
    'nl'
    """
    ranked: list[tuple[float, int, Language]] = []
    for i, part in enumerate(header.split(",")):
        tag, _sep, rest = part.strip().partition(";")
        weight = 1.0
        if rest.strip().startswith("q="):
            try:
                weight = float(rest.strip()[2:])
            except ValueError:
                continue
        try:
            ranked.append((-weight, i, as_language(tag)))
        except ValueError:
            continue
    ranked = [r for r in ranked if r[0] < 0]  # q=0 means "not this one"
    return min(ranked)[2] if ranked else DEFAULT_LANGUAGE


def _message(msgid: str, /, **params: object) -> str:
    """A template's ``_("...", name=value)``: the message in the page's language."""
    return Bericht(msgid, params).render()


def _money(value: object) -> str:
    """An amount of money as the page's language writes it (``€ 336.000,00``)."""
    amount = getattr(value, "amount", value)
    return euros(amount, current_language()) if isinstance(amount, Decimal) else str(value)


_CHOICES: Final = (
    ("problemen", _("Problems")),
    ("signalen", _("Signals")),
    ("dwangmiddelen", _("Coercive measures")),
    ("hulpvragen", _("Requests for help")),
)
_ENUMS: Final[dict[str, type[enum.Enum]]] = {
    "problemen": Probleem,
    "signalen": Signaal,
    "dwangmiddelen": Dwangmiddel,
    "hulpvragen": Hulpvraag,
    "LidRol": LidRol,
    "Verwijzer": Verwijzer,
}
_ZRM: Final = tuple(a.name for a in attrs.fields(ZrmScores))


def _options(language: Language) -> dict[str, list[tuple[str, str]]]:
    """Each choice in the form: the member's name (what the file says) and its label."""
    return {key: [(m.name, label(m, language)) for m in kind] for key, kind in _ENUMS.items()}


def _zrm_domains(language: Language) -> list[tuple[str, str]]:
    """Each ZRM domain of the form: its field in the file and its label."""
    return [(d.name.lower(), label(d, language)) for d in ZrmDomein if d.name.lower() in _ZRM]


def _number(text: str) -> int | str:
    return int(text) if text.strip().isdigit() else text


def form_to_document(form: FormData) -> dict[str, Any]:
    """The family document the form's fields describe (checked by the library's reader)."""
    text = {k: v for k, v in form.multi_items() if isinstance(v, str)}
    gezin: dict[str, Any] = {"id": text.get("id", "").strip()}
    leden = []
    for i in range(MEMBERS):
        rol = text.get(f"lid{i}_rol", "")
        if rol:
            leden.append(
                {
                    "rol": rol,
                    "geboortedatum": text.get(f"lid{i}_geboortedatum", ""),
                    "chronische_problematiek": f"lid{i}_chronisch" in text,
                }
            )
    gezin["leden"] = leden
    if text.get("wijk", "").strip():
        gezin["wijk"] = text["wijk"].strip()
    for group, _title in _CHOICES:
        chosen = [v for v in form.getlist(group) if isinstance(v, str)]
        if chosen:
            gezin[group] = chosen
    if text.get("aantal_hulpverleners", "").strip():
        gezin["aantal_hulpverleners"] = _number(text["aantal_hulpverleners"])
    if text.get("verwijzer"):
        gezin["verwijzer"] = text["verwijzer"]
    if "complexe_vraag" in text:
        gezin["complexe_vraag"] = True
    scores = {d: _number(text[f"zrm_{d}"]) for d in _ZRM if text.get(f"zrm_{d}")}
    if text.get("zrm_afgenomen_op") or scores:
        gezin["zrm"] = {"afgenomen_op": text.get("zrm_afgenomen_op", ""), "huidig": scores}
    return {"gezin": gezin}


def _values(form: FormData | None) -> dict[str, Any]:
    values: dict[str, Any] = {"datum": pendulum.today().date().isoformat()}
    if form is None:
        return values
    for key, value in form.multi_items():
        if isinstance(value, str):
            values[key] = value
    for group, _title in _CHOICES:
        values[group] = [v for v in form.getlist(group) if isinstance(v, str)]
    return values


def _rules_html(rule: Rule) -> str:
    """The eligibility rule as nested lists, each node with its source."""

    def node(r: Rule) -> str:
        cite = f' <span class="bron">[{html.escape(str(r.source))}]</span>' if r.source else ""
        kids = "".join(node(c) for c in r.children())
        inner = f"<ul>{kids}</ul>" if kids else ""
        return f"<li>{html.escape(r.text())}{cite}{inner}</li>"

    return f'<ul class="regels">{node(rule)}</ul>'


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        return origin is None
    return urlsplit(origin).netloc == request.headers.get("host", "")


def web_router(app: FastAPI, service: Service) -> None:
    """Add the pages and their static files to ``app``."""
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    # The templates' texts are messages: replaced by name only, and escaped as any value is.
    templates.env.globals.update(_=_message, money=_money)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    gemeente = service.gemeente

    def page(request: Request, template: str, status: int = 200, **context: Any) -> Response:
        context.setdefault("page", template.removesuffix(".html"))
        language = page_language(request)
        with use_language(language):  # a text of the library is rendered as the page is
            response = _render(request, template, status, {"lang": language, **context})
        chosen = request.query_params.get("lang")
        if chosen and chosen == language:  # the reader's choice holds on the next page too
            response.set_cookie(LANGUAGE_COOKIE, language, samesite="strict", path="/")
        return response

    def _render(request: Request, template: str, status: int, context: Any) -> Response:
        return templates.TemplateResponse(
            request,
            template,
            {
                "gemeente": gemeente.naam,
                "grant": request.state.grant,
                "register": service.register is not None,
                **context,
            },
            status_code=status,
        )

    def refuse(request: Request, status: int, reason: str, message: str) -> Response:
        grant: Grant | None = request.state.grant
        log_refusal(request.method, route_of([], request.scope), status, reason, grant)
        return page(
            request,
            "geweigerd.html",
            status,
            message=message,
            volgende=request.url.path,
            page="",
        )

    def allowed(request: Request, permission: Permission) -> Response | Grant:
        grant: Grant | None = request.state.grant
        if grant is None:
            return refuse(request, 401, "no-token", _NEEDS_KEY)
        if not grant.may(permission):
            return refuse(
                request,
                403,
                "role",
                _("Your role ({role}) gives no access to this data.", role=grant.role.value),
            )
        return grant

    @app.get("/", include_in_schema=False)
    async def home(request: Request) -> Response:
        return page(
            request,
            "index.html",
            page="home",
            pilots=service.pilot_list(),
            statuses=statuses(page_language(request)),
            today=pendulum.today().date(),
        )

    @app.get("/pilots/{pilot}", include_in_schema=False)
    async def pilot_page(request: Request, pilot: str) -> Response:
        try:
            gemeente.pilot(pilot)
            compiled = gemeente.compiled(pilot)
        except (UnknownPilotError, InvalidValueError):
            return page(
                request,
                "geweigerd.html",
                404,
                heading=_("Not found"),
                message=_("This pilot does not exist."),
                volgende="/",
            )
        except PluginFailedError as exc:  # its plugin failed: say so, the other pilots go on
            return page(
                request,
                "geweigerd.html",
                502,
                heading=_("Pilot not available"),
                message=exc.failure.message(),
                volgende="/",
            )
        on = pendulum.today().date()
        language = page_language(request)
        with use_language(language):
            data = service.pilot_page(pilot, on)
            rules = _rules_html(compiled.eligibility)
        overview = gemeente.funding_overview(pilots=[pilot])
        p = compiled.pilot
        looptijd = p.looptijd.periode if hasattr(p.looptijd, "periode") else p.looptijd
        mandaat = compiled.mandate
        ladder = compiled.escalation
        return page(
            request,
            "pilot.html",
            page="",
            name=pilot,
            pilot=p,
            on=on,
            pilot_status=statuses(language)[data["status_on"]],
            looptijd=str(looptijd),
            rules=rules,
            funding=overview.rows,
            total=euros(overview.total().amount, language),
            provided_by=data["provided_by"],
            mandaat=mandaat.table() if mandaat is not None else None,
            mandaat_bron=mandaat.bron if mandaat is not None else None,
            ladder=ladder.treden if ladder is not None else None,
        )

    def form_page(
        request: Request, status: int = 200, form: FormData | None = None, errors: Any = ()
    ) -> Response:
        return page(
            request,
            "beoordelen.html",
            status,
            values=_values(form),
            errors=list(errors),
            options=_options(page_language(request)),
            choices=_CHOICES,
            members=MEMBERS,
            zrm_domains=_zrm_domains(page_language(request)),
        )

    @app.get("/beoordelen", include_in_schema=False)
    async def assess_form(request: Request) -> Response:
        found = allowed(request, Permission.ASSESS)
        return found if isinstance(found, Response) else form_page(request)

    @app.post("/beoordelen", include_in_schema=False)
    async def assess(request: Request) -> Response:
        if not _same_origin(request):
            return refuse(request, 403, "origin", _ONLY_HERE)
        found = allowed(request, Permission.ASSESS)
        if isinstance(found, Response):
            return found
        grant = found
        form = await request.form(max_files=1, max_fields=200)
        try:
            on = _date(form.get("datum"))
            upload = form.get("bestand")
            if isinstance(upload, UploadFile) and upload.filename:
                fmt: Format = "toml" if upload.filename.lower().endswith(".toml") else "json"
                data = loads_document(await upload.read(), fmt, source=upload.filename)
            else:
                fmt, data = "json", form_to_document(form)
            gezinnen = read_families(data, fmt, on, service.limits.max_families)
        except FileFormatError as exc:
            await form.close()  # an uploaded file is spooled to a temporary file: free it
            problems = [(exc.field, exc.problem), *exc.others]
            language = page_language(request)  # translated first: redact() reads the text
            errors = [
                {"field": f or None, "message": redact(render_value(p, language))}
                for f, p in problems[:20]
            ]
            return form_page(request, 400, form, errors)
        await form.close()
        names = [n for n in gemeente.pilots if grant.sees(n)]
        language = page_language(request)
        with use_language(language):  # the reasons, as the catalogues say them
            found_ = [unstructure(gemeente.assess(g, on, pilots=names)) for g in gezinnen]
        titles = {n: gemeente.pilots[n].titel for n in names}
        return page(
            request,
            "uitslag.html",
            page="",
            on=on,
            assessments=found_,
            outcomes=outcomes(language),
            titles=titles,
        )

    @app.get("/register", include_in_schema=False)
    async def register_page(request: Request) -> Response:
        if service.register is None:
            return page(
                request,
                "geweigerd.html",
                404,
                heading=_("Not found"),
                message=_("This service has no register."),
                volgende="/",
            )
        grant: Grant | None = request.state.grant
        if grant is None:
            return refuse(request, 401, "no-token", _NEEDS_KEY)
        reads = grant.may(Permission.REGISTER_READ)
        figures = grant.may(Permission.REGISTER_FIGURES)
        if not (reads or figures):
            return refuse(
                request,
                403,
                "role",
                _("Your role ({role}) gives no access to the register.", role=grant.role.value),
            )
        on = pendulum.today().date()
        register = service.register
        pilots = [
            {
                "name": name,
                "titel": pilot.titel,
                "waitlist": register.waitlist(name, on) if reads else None,
                "overdue": [unstructure(o) for o in register.overdue_escalations(name, on)]
                if reads
                else None,
                "budget": register.budget(name) if figures else None,
            }
            for name, pilot in gemeente.pilots.items()
            if grant.sees(name)
        ]
        return page(request, "register.html", page="register", pilots=pilots, on=on)

    @app.get("/inloggen", include_in_schema=False)
    async def login_form(request: Request, volgende: str = "/beoordelen") -> Response:
        return page(request, "inloggen.html", volgende=_local(volgende), error=None)

    @app.post("/inloggen", include_in_schema=False)
    async def login(request: Request) -> Response:
        if not _same_origin(request):
            return refuse(request, 403, "origin", _ONLY_HERE)
        form = await request.form(max_files=0, max_fields=5)
        token = form.get("token")
        target = _local(str(form.get("volgende") or "/beoordelen"))
        grant = service.access.grant_for(token if isinstance(token, str) else None)
        if grant is None:
            log_refusal(request.method, "/inloggen", 401, "unknown-token", None)
            return page(
                request,
                "inloggen.html",
                401,
                volgende=target,
                error=_("This access key is not known."),
            )
        response = RedirectResponse(target, status_code=303)
        response.set_cookie(
            COOKIE,
            str(token),
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
            path="/",
        )
        return response

    @app.post("/uitloggen", include_in_schema=False)
    async def logout(request: Request) -> Response:
        response = RedirectResponse("/", status_code=303)
        response.delete_cookie(COOKIE, path="/")
        return response


_NEEDS_KEY: Final = _("This needs an access key. Sign in first.")
_ONLY_HERE: Final = _("This form can be sent from this site only.")


def _local(target: str) -> str:
    """``target`` when it is a path on this site, else ``/``: no redirect to elsewhere."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


def _date(value: object) -> pendulum.Date:
    from sociaaldomein.io import structure_date
    from sociaaldomein.io._paths import ConversionError

    if not isinstance(value, str) or not value:
        return pendulum.today().date()
    try:
        return structure_date(value)
    except ConversionError as exc:
        raise FileFormatError(None, "datum", exc.problem) from None
