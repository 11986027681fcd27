"""Which of the app's endurance modalities a file's sport is.

FIT names sports from Garmin's profile (`sport`, refined by `sub_sport`), TCX has a Sport
attribute (Running, Biking, Other) and GPX a free-text <type>. The app's modalities are the
endurance schema's: run, bike, row, swim; anything else (a walk, a hike, yoga) is None and the
import keeps it as an activity of no modality.
"""

# FIT sport names (Garmin's profile, as fitdecode gives them).
FIT_SPORTS = {
    "running": "run",
    "cycling": "bike",
    "e_biking": "bike",
    "rowing": "row",
    "swimming": "swim",
}
# Indoor machines come as sport "fitness_equipment" (or "training") with the machine as
# sub_sport; a sub_sport named here wins over the sport.
FIT_SUB_SPORTS = {
    "treadmill": "run",
    "indoor_running": "run",
    "indoor_cycling": "bike",
    "spin": "bike",
    "indoor_rowing": "row",
    "lap_swimming": "swim",
    "open_water": "swim",
}
# Words in a TCX Sport or a GPX <type>, tried in order ("Biking", "ride", "VirtualRun"...).
WORDS = (
    ("run", "run"),
    ("jog", "run"),
    ("bik", "bike"),
    ("cycl", "bike"),
    ("ride", "bike"),
    ("row", "row"),
    ("swim", "swim"),
)


def fit_modality(sport: str | None, sub_sport: str | None) -> str | None:
    return FIT_SUB_SPORTS.get(sub_sport or "") or FIT_SPORTS.get(sport or "")


def word_modality(sport: str) -> str | None:
    """The modality a free-text sport names, by the first matching word stem."""
    lowered = sport.lower()
    return next((modality for stem, modality in WORDS if stem in lowered), None)
