"""python -m bench [directory | dmn | referrals | monitoring] [options]

    python -m bench                  every part: directory search, DMN tables, referrals,
                                     monitoring
    python -m bench directory ...    only the directory search benchmark (bench/run.py)
    python -m bench dmn ...          only the DMN decision-table benchmark (bench/dmn.py)
    python -m bench referrals ...    only the closed-loop referrals benchmark (bench/referrals.py)
    python -m bench monitoring ...   only the monitoring benchmark: every indicator against
                                     DuckDB, and the dashboard page (bench/monitoring.py)

Without a part, the options are the directory part's; --quick, --seed and --results-dir also
apply to the DMN, referrals and monitoring parts. `python -m bench dmn --help` lists the DMN
part's options.
"""

import argparse
import sys


def _shared_arguments(argv: list[str]) -> list[str]:
    """The options of a whole run that the DMN, referrals and monitoring parts share."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--seed")
    parser.add_argument("--results-dir")
    shared, _ = parser.parse_known_args(argv)
    forwarded = ["--quick"] if shared.quick else []
    if shared.seed is not None:
        forwarded += ["--seed", shared.seed]
    if shared.results_dir is not None:
        forwarded += ["--results-dir", shared.results_dir]
    return forwarded


def main(argv: list[str]) -> None:
    if argv[:1] == ["dmn"]:
        from bench import dmn

        dmn.main(argv[1:])
    elif argv[:1] == ["referrals"]:
        from bench import referrals

        referrals.main(argv[1:])
    elif argv[:1] == ["monitoring"]:
        from bench import monitoring

        monitoring.main(argv[1:])
    elif argv[:1] == ["directory"]:
        from bench import run

        run.main(argv[1:])
    else:
        from bench import dmn, monitoring, referrals, run

        if "-h" in argv or "--help" in argv:
            print(__doc__)
        run.main(argv)
        print()
        dmn.main(_shared_arguments(argv))
        print()
        referrals.main(_shared_arguments(argv))
        print()
        monitoring.main(_shared_arguments(argv))


main(sys.argv[1:])
