"""Run DMN TCK test cases (https://github.com/dmn-tck/tck): each folder holds a model (.dmn)
and test files (`*-test-*.xml`, format in testCases.xsd). `kansrijk dmn test DIR` prints one
line per failing case and ends with `N passed, M failed`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from defusedxml import ElementTree as SafeET

from kansrijk.rules.dmn import DMNError, load
from kansrijk.rules.feel import temporal
from kansrijk.rules.feel.values import text

TEST_NS = "{http://www.omg.org/spec/DMN/20160719/testcase}"
XSI_NS = "{http://www.w3.org/2001/XMLSchema-instance}"


@dataclass
class CaseResult:
    folder: str
    test_file: str
    case_id: str
    passed: bool
    detail: str = ""


def _value(element: ET.Element):
    """A TCK value element (`value`, or `component`s, or a `list`) as a FEEL value."""
    if element.get(f"{XSI_NS}nil") == "true":
        return None
    value = element.find(f"{TEST_NS}value")
    if value is not None:
        return _value(value)
    components = element.findall(f"{TEST_NS}component")
    if components:
        return {c.get("name"): _value(c) for c in components}
    items = element.find(f"{TEST_NS}list")
    if items is not None:
        return [_value(item) for item in items.findall(f"{TEST_NS}item")]
    if _local(element.tag) != "value":
        return None
    return _typed(element.text or "", element.get(f"{XSI_NS}type") or "")


def _typed(raw: str, xsd_type: str):
    kind = xsd_type.split(":")[-1]
    if kind in ("decimal", "double", "integer", "int", "long", "float"):
        try:
            return Decimal(raw.strip())
        except InvalidOperation:
            return None
    if kind == "boolean":
        return raw.strip() == "true"
    if kind == "date":
        return temporal.parse_date(raw)
    if kind == "dateTime":
        return temporal.parse_datetime(raw)
    if kind == "time":
        return temporal.parse_time(raw)
    if kind == "duration":
        return temporal.parse_duration(raw)
    return raw


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def same(actual, expected) -> bool:
    """TCK equality: numbers to the precision the expected value is written with."""
    if isinstance(expected, Decimal) and isinstance(actual, Decimal):
        if actual == expected:
            return True
        exponent = expected.as_tuple().exponent
        try:
            if (
                isinstance(exponent, int)
                and actual.quantize(Decimal(1).scaleb(exponent)) == expected
            ):
                return True
        except InvalidOperation:
            return False
        return abs(actual - expected) <= abs(expected) * Decimal("1e-12")
    if isinstance(expected, list) and isinstance(actual, list):
        return len(actual) == len(expected) and all(map(same, actual, expected))
    if isinstance(expected, dict) and isinstance(actual, dict):
        return expected.keys() == actual.keys() and all(
            same(actual[k], expected[k]) for k in expected
        )
    if isinstance(expected, bool) or isinstance(actual, bool):
        return actual is expected
    if isinstance(expected, dt.datetime | dt.date | dt.time | dt.timedelta):
        return actual == expected
    return type(actual) is type(expected) and actual == expected


def run_folder(folder: Path) -> list[CaseResult]:
    results: list[CaseResult] = []
    test_files = sorted(folder.glob("*-test-*.xml"))
    if not test_files:
        return results
    for test_file in test_files:
        root = SafeET.parse(test_file).getroot()
        model_name = (root.findtext(f"{TEST_NS}modelName") or "").strip()
        model_path = folder / model_name if model_name else next(folder.glob("*.dmn"), None)
        cases = root.findall(f"{TEST_NS}testCase")
        try:
            model = load(model_path)
        except (DMNError, TypeError) as e:
            for case in cases:
                results.append(
                    CaseResult(folder.name, test_file.name, case.get("id"), False, str(e))
                )
            continue
        for case in cases:
            results.append(_run_case(model, folder.name, test_file.name, case))
    return results


def _run_case(model, folder: str, test_file: str, case: ET.Element) -> CaseResult:
    inputs = {node.get("name"): _value(node) for node in case.findall(f"{TEST_NS}inputNode")}
    problems = []
    for node in case.findall(f"{TEST_NS}resultNode"):
        name = node.get("name")
        expected_element = node.find(f"{TEST_NS}expected")
        expected = _value(expected_element) if expected_element is not None else None
        try:
            result = model.evaluate(name, inputs)
        except KeyError as e:
            problems.append(str(e))
            continue
        error_expected = node.get("errorResult") == "true"
        if error_expected and result.value is None:
            continue
        if not same(result.value, expected):
            why = f" ({'; '.join(result.messages)})" if result.messages else ""
            problems.append(f"{name}: expected {text(expected)}, got {text(result.value)}{why}")
    return CaseResult(folder, test_file, case.get("id"), not problems, "; ".join(problems))


def run(directory: Path) -> list[CaseResult]:
    """Every test case under `directory` (a TCK folder or a folder of them)."""
    folders = sorted({path.parent for path in directory.rglob("*-test-*.xml")})
    results: list[CaseResult] = []
    for folder in folders:
        results.extend(run_folder(folder))
    return results


def main(argv: list[str] | None = None, out=None) -> int:
    out = out or sys.stdout
    parser = argparse.ArgumentParser(prog="kansrijk dmn", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    test = commands.add_parser("test", help="run the DMN TCK test cases in a folder")
    test.add_argument("directory", type=Path)
    test.add_argument("-v", "--verbose", action="store_true", help="list every case")
    args = parser.parse_args(argv)
    if not args.directory.is_dir():
        print(f"not a folder: {args.directory}", file=out)
        return 2
    results = run(args.directory)
    for result in results:
        if not result.passed or args.verbose:
            mark = "ok  " if result.passed else "FAIL"
            print(
                f"{mark} {result.folder} {result.case_id}: {result.detail}".rstrip(": "), file=out
            )
    passed = sum(r.passed for r in results)
    failed = len(results) - passed
    print(f"{passed} passed, {failed} failed", file=out)
    return 0 if results and not failed else 1
