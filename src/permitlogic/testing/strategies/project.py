"""``projects()``: projects asking for the green channel."""

from __future__ import annotations

from collections.abc import Collection

from hypothesis import strategies as st

from permitlogic.models.decision import Project, ProjectCategory

MOSTLY_TRUE = st.sampled_from([True, True, True, True, False])
"""Mostly true, shrinking to true: drawn projects are often eligible, failures read plainly."""


@st.composite
def projects(
    draw: st.DrawFn,
    *,
    categories: Collection[ProjectCategory | str] | None = None,
    missing: int | None = None,
) -> Project:
    """A project asking for the green channel.

    Its yes/no fields are each mostly yes; with ``missing=N``, all are yes
    but at most N (drawn), which keeps the projects near the line where one
    condition decides. ``categories`` limits the categories drawn.
    """
    if categories:
        pool = sorted(ProjectCategory(category) for category in categories)
    else:
        pool = list(ProjectCategory)
    names = _project_flags()
    if missing is None:
        flags = {name: draw(MOSTLY_TRUE) for name in names}
    else:
        choice = st.sampled_from([None, *names])
        off = {draw(choice) for _ in range(missing)}
        flags = {name: name not in off for name in names}
    return Project(
        id=f"P-2026-{draw(st.integers(0, 9999)):04d}",
        name=draw(st.sampled_from(["县城北污水处理厂扩建", "产业园标准厂房", "防汛抢险堤防加固"])),
        category=draw(st.sampled_from(pool)),
        **flags,
    )


def _project_flags() -> list[str]:
    """The project's yes/no fields."""
    return sorted(name for name, info in Project.model_fields.items() if info.annotation is bool)
