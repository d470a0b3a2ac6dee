"""``engage partners``: the register of community partners."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from engage.cli import context, output
from engage.cli.output import one_of, short
from engage.errors import UserError
from engage.models import INTERACTION_KINDS, PARTNER_KINDS, RELATIONSHIPS, SHARING_LEVELS

app = typer.Typer(help="Keep the register of community partners.", no_args_is_help=True)

KIND_HELP = f"{one_of(PARTNER_KINDS)}."
# The list's columns: fields of a partner (engage.schema.Partner), then what the list counts.
LIST_FIELDS = [
    ("id", "id"),
    ("name", "name"),
    ("kind", "kind"),
    ("community", "community"),
    ("relationship", "relationship"),
    ("influence", "infl."),
    ("interest", "int."),
    ("sharing_consent", "sharing"),
]
LIST_COUNTS = [("sessions_attended", "attended"), ("submissions", "heard")]

Name = Annotated[str | None, typer.Option("--name", help="Organisation or group name.")]
Kind = Annotated[str | None, typer.Option("--kind", help="Kind of partner: " + KIND_HELP)]
Sector = Annotated[str | None, typer.Option(help="Sector, e.g. health, transport, seniors.")]
Community = Annotated[str | None, typer.Option(help="Community (place) the partner serves.")]
Region = Annotated[str | None, typer.Option(help="Region, e.g. Northern, Eastern.")]
Relationship = Annotated[str | None, typer.Option(help=f"{one_of(RELATIONSHIPS)}.")]
Influence = Annotated[int | None, typer.Option(help="Influence on the service, 1-5.")]
Interest = Annotated[int | None, typer.Option(help="Interest in the service, 1-5.")]
Sharing = Annotated[
    str | None,
    typer.Option("--sharing", help=f"How far its data may be shared: {one_of(SHARING_LEVELS)}."),
]
Notes = Annotated[str | None, typer.Option(help="Free notes.")]
Json = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
PartnerRef = Annotated[str, typer.Argument(help="Partner id (or a unique prefix) or exact name.")]


@app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Organisation or group name.")],
    kind: Annotated[str, typer.Option("--kind", help="Kind of partner: " + KIND_HELP)],
    sector: Sector = None,
    community: Community = None,
    region: Region = None,
    relationship: Relationship = "none",
    influence: Influence = None,
    interest: Interest = None,
    sharing: Sharing = "internal",
    notes: Notes = None,
    as_json: Json = False,
) -> None:
    """Add a partner to the register.

    Example:

    \b
        engage partners add "Hearst Public Library" --kind community \\
            --community Hearst --influence 2 --interest 4 --sharing public
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.partners import add_partner

    partner = add_partner(
        context.db(ctx),
        name=name,
        kind=kind,
        sector=sector,
        community=community,
        region=region,
        relationship=relationship,
        influence=influence,
        interest=interest,
        sharing_consent=sharing,
        notes=notes,
    )
    if as_json:
        output.print_json(partner)
    else:
        output.done(f"added partner {short(partner['id'])} {partner['name']}")


@app.command("list")
def list_(
    ctx: typer.Context,
    kind: Annotated[str | None, typer.Option(help="Only partners of this kind.")] = None,
    search: Annotated[
        str | None, typer.Option(help="Only names/communities containing this.")
    ] = None,
    as_json: Json = False,
) -> None:
    """List partners with how often they attended and were heard from.

    Example:

    \b
        engage partners list --kind advocacy
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.partners import list_partners
    from engage.schema import Partner

    partners = list_partners(context.db(ctx), kind=kind, search=search)
    if as_json:
        output.print_json(partners)
    else:
        columns = output.view_columns(Partner, LIST_FIELDS, LIST_COUNTS)
        output.print_table(partners, columns, empty="no partners yet: engage partners add")


@app.command("show")
def show(ctx: typer.Context, partner: PartnerRef, as_json: Json = False) -> None:
    """Show a partner: details, contacts, interactions and sessions.

    Example:

    \b
        engage partners show "Timmins Seniors"
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.partners import EDITABLE, partner_detail

    detail = partner_detail(context.db(ctx), partner)
    if as_json:
        output.print_json(detail)
        return
    around = [("submissions", "submissions"), ("created_at", "created"), ("updated_at", "updated")]
    output.print_record(detail, [("id", "id"), *output.headed(EDITABLE), *around])
    output.print_table(
        detail["contacts"],
        [
            ("name", "contact"),
            ("role", "role"),
            ("email", "email"),
            ("phone", "phone"),
            ("preferred_channel", "prefers"),
        ],
        empty="no contacts",
    )
    output.print_table(
        detail["interactions"],
        [
            ("occurred_on", "date"),
            ("kind", "kind"),
            ("summary", "summary"),
            ("follow_up_due", "follow-up due"),
        ],
        empty="no interactions",
    )
    output.print_table(
        detail["sessions"],
        [
            ("held_on", "date"),
            ("kind", "session"),
            ("channel", "channel"),
            ("community", "community"),
            ("attended", "attended"),
        ],
        empty="not invited to any session",
    )


@app.command("edit")
def edit(
    ctx: typer.Context,
    partner: PartnerRef,
    name: Name = None,
    kind: Kind = None,
    sector: Sector = None,
    community: Community = None,
    region: Region = None,
    relationship: Relationship = None,
    influence: Influence = None,
    interest: Interest = None,
    sharing: Sharing = None,
    notes: Notes = None,
) -> None:
    """Change a partner's details (only the options given).

    Example:

    \b
        engage partners edit "Timmins Seniors" --sharing public
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.partners import edit_partner

    changes = {
        k: v
        for k, v in dict(
            name=name,
            kind=kind,
            sector=sector,
            community=community,
            region=region,
            relationship=relationship,
            influence=influence,
            interest=interest,
            sharing_consent=sharing,
            notes=notes,
        ).items()
        if v is not None
    }
    if not changes:
        raise UserError("nothing to change: give at least one option, e.g. --sharing public")
    updated = edit_partner(context.db(ctx), partner, **changes)
    output.done(f"updated partner {short(updated['id'])} {updated['name']}")


@app.command("remove")
def remove(
    ctx: typer.Context,
    partner: PartnerRef,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Take a partner off the register (its history is kept).

    Example:

    \b
        engage partners remove "Pembroke Valley Food Bank" --yes
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.partners import remove_partner

    if not yes and not typer.confirm(f"Remove partner '{partner}' from the register?"):
        raise typer.Exit(1)
    removed = remove_partner(context.db(ctx), partner)
    output.done(f"removed partner {short(removed['id'])} {removed['name']}")


@app.command("contact")
def contact(
    ctx: typer.Context,
    partner: PartnerRef,
    name: Annotated[str, typer.Argument(help="The person's name.")],
    role: Annotated[str | None, typer.Option(help="Their role at the partner.")] = None,
    email: Annotated[str | None, typer.Option(help="Email address.")] = None,
    phone: Annotated[str | None, typer.Option(help="Phone number.")] = None,
    channel: Annotated[
        str | None, typer.Option(help="Preferred channel, e.g. email, phone.")
    ] = None,
    consent: Annotated[
        bool,
        typer.Option("--consent/--no-consent", help="They agreed to their details being shared."),
    ] = False,
) -> None:
    """Add a contact person to a partner.

    Example:

    \b
        engage partners contact "Timmins Seniors" "Marie Tremblay" \\
            --role Coordinator --email marie@example.org --consent
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.contacts import ContactFields, add_contact

    row = add_contact(
        context.db(ctx),
        partner,
        ContactFields(
            name=name,
            role=role,
            email=email,
            phone=phone,
            preferred_channel=channel,
            consent_to_share=consent,
        ),
    )
    output.done(f"added contact {short(row['id'])} {row['name']}")


@app.command("contact-consent")
def contact_consent(
    ctx: typer.Context,
    contact: Annotated[str, typer.Argument(help="Contact id (or prefix) or exact name.")],
    consent: Annotated[
        bool,
        typer.Option(
            "--give/--withdraw",
            help="Record consent to share their details (--give) or its withdrawal.",
        ),
    ],
    reason: Annotated[
        str | None, typer.Option(help="Why (kept in the office; leaves only redacted).")
    ] = None,
) -> None:
    """Record that a contact gave or withdrew consent; a withdrawal reaches the province.

    Example:

    \b
        engage partners contact-consent "Marie Tremblay" --withdraw --reason "asked by phone"
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.contacts import set_consent

    row = set_consent(context.db(ctx), contact, consent, reason)
    state = "may be shared" if consent else "withdrawn: the next bundle tells the province"
    output.done(f"contact {short(row['id'])} {row['name']}: consent {state}")


@app.command("interaction")
def interaction(
    ctx: typer.Context,
    partner: PartnerRef,
    summary: Annotated[str, typer.Argument(help="What was discussed or agreed.")],
    date: Annotated[str, typer.Option(help="When it happened, YYYY-MM-DD.")],
    kind: Annotated[str, typer.Option(help=f"{one_of(INTERACTION_KINDS)}.")] = "meeting",
    follow_up: Annotated[
        str | None, typer.Option("--follow-up", help="Follow-up due date, YYYY-MM-DD.")
    ] = None,
    owner: Annotated[str | None, typer.Option(help="Who owns the follow-up.")] = None,
) -> None:
    """Log a touchpoint with a partner, and its follow-up.

    Example:

    \b
        engage partners interaction "Timmins Seniors" \\
            "Invited them to the May workshop" --date 2026-02-20 --kind call \\
            --follow-up 2026-03-01 --owner "M. Lalonde"
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.db.interactions import InteractionFields, add_interaction

    row = add_interaction(
        context.db(ctx),
        partner,
        InteractionFields(
            occurred_on=date,
            kind=kind,
            summary=summary,
            follow_up_due=follow_up,
            follow_up_owner=owner,
        ),
    )
    output.done(f"logged {row['kind']} {short(row['id'])} on {row['occurred_on']}")


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            help="CSV/XLSX/JSON of partners (name, kind, ... and "
            "optional contact_name, contact_email ...)."
        ),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Check the file, write nothing.")
    ] = False,
) -> None:
    """Add partners (and their contacts) from a file; names already registered are skipped.

    Example:

    \b
        engage partners import data/partners.csv --dry-run
    """
    # lazy: the core loads sqlite_utils and numpy, which engage --help does without
    from engage.services.partner_files import import_partners

    report = import_partners(context.db(ctx), file, dry_run=dry_run)
    verb = "would add" if dry_run else "added"
    output.done(
        f"{verb} {report['added']} partner(s) and {report['contacts']} contact(s); "
        f"{report['already_registered']} already registered"
    )
