"""Running many kiosks: signed content updates through TUF, and anonymous figures.

- :mod:`~kiosk.fleet.publish` (content team): check the content, pack it as one archive,
  sign it into a TUF repository that any static server, share or USB stick can carry;
- :mod:`~kiosk.fleet.update` (kiosk): fetch, verify, unpack and switch to a new release,
  keep the previous one, roll back; :mod:`~kiosk.fleet.fetcher` reads folder repositories;
- :mod:`~kiosk.fleet.archive`: the one archive format both sides agree on, and its limits;
- :mod:`~kiosk.fleet.figures`: hourly anonymous counters, Prometheus textfile and CSV;
- :mod:`~kiosk.fleet.cli`: ``kiosk publish`` and ``kiosk stats``.

Nothing here imports Qt, and nothing is imported by the kiosk unless updates or figures
are turned on in the configuration.
"""
