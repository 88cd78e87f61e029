"""`wooflow register`: the register of public office holders (keep-evidence for detection)."""

from __future__ import annotations

from pathlib import Path

import typer

from wooflow.exceptions import ConfigError


def register(app: typer.Typer) -> None:
    reg = typer.Typer(help="Register van publieke ambtsdragers (namen die openbaar blijven).", no_args_is_help=True)
    app.add_typer(reg, name="register")

    @reg.command("import")
    def import_(
        path: Path = typer.Argument(..., exists=True, dir_okay=False, help="CSV-bestand"),
    ) -> None:
        """Neem een export van organisaties.overheid.nl (CSV met 'Naam' en 'Functie') of eigen rijen
        (kolommen name, given_names, initials, tussenvoegsel, surname, office, organisation, party,
        start, end, source) op in het eigen register."""
        from wooflow.detect import register as officials

        try:
            rows = officials.read_import(path)
        except (ValueError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: {exc}") from exc
        added, total = officials.merge_into_user_register(rows)
        print(f"{len(rows)} ambtsdragers gelezen uit {path.name}, {added} nieuw; "
              f"eigen register: {total} rijen in {officials.user_register_path()}")

    @reg.command("find")
    def find(name: str = typer.Argument(..., help="achternaam, met tussenvoegsel ('de Jong')")) -> None:
        """Toon de ambtsdragers met deze achternaam (verpakt register en eigen register)."""
        from wooflow.detect import register as officials

        hits = officials.entries(name)
        for e in hits:
            when = f" {e.start}–{e.end or 'heden'}" if e.start else ""
            who = e.given or ".".join(e.initials) + ("." if e.initials else "")
            print(f"{who} {name}: {e.office}, {e.organisation}{when}")
        if not hits:
            print(f"geen ambtsdrager met achternaam '{name}' in het register")
