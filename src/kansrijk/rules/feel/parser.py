"""A FEEL parser (DMN 1.5, chapter 10): text to a small tree of tuples.

Expressions and unary tests (the cells of a decision table) have separate entry points. Each
node is a tuple whose first item names its kind; compiler.py turns the tree into Python
closures. Precedence, lowest first: for / if / quantified / function definition, `or`, `and`,
comparison (= != < <= > >= between in), `instance of`, + -, * /, **, unary minus, then path,
filter and invocation.
"""

from __future__ import annotations

from decimal import Decimal

from kansrijk.rules.feel.errors import FeelSyntaxError
from kansrijk.rules.feel.lexer import EOF, NAME, NUMBER, OP, STRING, TEMPORAL, Token, tokenize

COMPARISON_OPERATORS = ("=", "!=", "<", "<=", ">", ">=")
# Words that end a name or start a construct, so a one-word name cannot be one of them.
KEYWORDS = frozenset(
    {"and", "or", "not", "if", "then", "else", "for", "in", "return", "some", "every",
     "satisfies", "between", "instance", "of", "function", "true", "false", "null", "external"}
)  # fmt: skip


def parse_expression(text: str, known_names=()) -> tuple:
    parser = _Parser(text, known_names)
    node = parser.expression()
    parser.expect_end()
    return node


def parse_unary_tests(text: str, known_names=()) -> tuple:
    """An input entry: `-`, `not(tests)` or a comma-separated list of positive unary tests.
    Gives ("any",) or ("tests", negated, [test, ...])."""
    parser = _Parser(text, known_names)
    if parser.at(OP, "-") and parser.peek(1).kind == EOF:
        return ("any",)
    negated = False
    if parser.at(NAME, "not") and parser.peek(1).value == "(":
        # `not(...)` negates the tests inside, unless the whole entry is an expression that
        # merely starts with a call of the function not, such as `not(x) and y`.
        saved = parser.i
        parser.advance()
        parser.advance()
        try:
            tests = parser.positive_unary_tests()
            parser.expect(OP, ")")
            parser.expect_end()
            return ("tests", True, tests)
        except FeelSyntaxError:
            parser.i = saved
    tests = parser.positive_unary_tests()
    parser.expect_end()
    return ("tests", negated, tests)


class _Parser:
    def __init__(self, text: str, known_names):
        self.text = text
        self.tokens: list[Token] = tokenize(text, known_names)
        self.i = 0

    # -- token helpers ---------------------------------------------------------------------
    def peek(self, offset: int = 0) -> Token:
        return self.tokens[min(self.i + offset, len(self.tokens) - 1)]

    def at(self, kind: str, value: str | None = None) -> bool:
        token = self.tokens[self.i]
        return token.kind == kind and (value is None or token.value == value)

    def at_op(self, *values: str) -> bool:
        token = self.tokens[self.i]
        return token.kind == OP and token.value in values

    def at_word(self, word: str) -> bool:
        return self.at(NAME, word)

    def advance(self) -> Token:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def expect(self, kind: str, value: str | None = None) -> Token:
        if not self.at(kind, value):
            token = self.peek()
            wanted = value or kind
            found = token.value or "the end"
            raise FeelSyntaxError(f"expected {wanted!r} but found {found!r}", token.start)
        return self.advance()

    def expect_end(self) -> None:
        if not self.at(EOF):
            token = self.peek()
            raise FeelSyntaxError(f"unexpected {token.value!r}", token.start)

    # -- expressions -----------------------------------------------------------------------
    def expression(self) -> tuple:
        if self.at_word("if"):
            return self.if_expression()
        if self.at_word("for"):
            return self.for_expression()
        if (self.at_word("some") or self.at_word("every")) and self.peek(1).kind == NAME:
            return self.quantified()
        if self.at_word("function") and self.peek(1).value == "(":
            return self.function_definition()
        return self.disjunction()

    def if_expression(self) -> tuple:
        self.advance()
        condition = self.expression()
        self.expect(NAME, "then")
        then = self.expression()
        self.expect(NAME, "else")
        return ("if", condition, then, self.expression())

    def iteration_contexts(self, terminator: str) -> list[tuple]:
        contexts = []
        while True:
            name = self.expect(NAME).value
            self.expect(NAME, "in")
            start = self.expression()
            if self.at_op(".."):
                self.advance()
                start = ("iterate_range", start, self.expression())
            contexts.append((name, start))
            if not self.at_op(","):
                break
            self.advance()
        self.expect(NAME, terminator)
        return contexts

    def for_expression(self) -> tuple:
        self.advance()
        contexts = self.iteration_contexts("return")
        return ("for", contexts, self.expression())

    def quantified(self) -> tuple:
        kind = self.advance().value
        contexts = self.iteration_contexts("satisfies")
        return ("quantified", kind, contexts, self.expression())

    def function_definition(self) -> tuple:
        self.advance()
        self.expect(OP, "(")
        parameters = []
        while not self.at_op(")"):
            parameters.append(self.expect(NAME).value)
            if self.at_op(":"):  # a parameter type: accepted, not checked
                self.advance()
                self.type_name()
            if not self.at_op(")"):
                self.expect(OP, ",")
        self.advance()
        if self.at_word("external"):
            raise FeelSyntaxError("external functions are not supported", self.peek().start)
        return ("function", parameters, self.expression())

    def disjunction(self) -> tuple:
        node = self.conjunction()
        while self.at_word("or"):
            self.advance()
            node = ("or", node, self.conjunction())
        return node

    def conjunction(self) -> tuple:
        node = self.comparison()
        while self.at_word("and"):
            self.advance()
            node = ("and", node, self.comparison())
        return node

    def comparison(self) -> tuple:
        node = self.instance_of()
        while True:
            if self.at_op(*COMPARISON_OPERATORS):
                op = self.advance().value
                node = ("compare", op, node, self.instance_of())
            elif self.at_word("between"):
                self.advance()
                low = self.instance_of()
                self.expect(NAME, "and")
                node = ("between", node, low, self.instance_of())
            elif self.at_word("in"):
                self.advance()
                node = ("in", node, self.in_tests())
            else:
                return node

    def in_tests(self) -> list[tuple]:
        """The right side of `in`: one positive unary test, or several in parentheses."""
        if self.at_op("("):
            saved = self.i
            try:
                return [self.interval()]
            except FeelSyntaxError:
                self.i = saved
            self.advance()
            tests = self.positive_unary_tests()
            self.expect(OP, ")")
            return tests
        return [self.positive_unary_test()]

    def instance_of(self) -> tuple:
        node = self.additive()
        if self.at_word("instance") and self.peek(1).value == "of":
            self.advance()
            self.advance()
            node = ("instance_of", node, self.type_name())
        return node

    def type_name(self) -> str:
        token = self.expect(NAME)
        name = token.value
        if self.at_op("<"):  # list<number>, context<...>: the generic part is not checked
            depth = 0
            while not self.at(EOF):
                value = self.advance().value
                depth += {"<": 1, ">": -1}.get(value, 0)
                if depth == 0:
                    break
        return name

    def additive(self) -> tuple:
        node = self.multiplicative()
        while self.at_op("+", "-"):
            op = self.advance().value
            node = ("arith", op, node, self.multiplicative())
        return node

    def multiplicative(self) -> tuple:
        node = self.power()
        while self.at_op("*", "/"):
            op = self.advance().value
            node = ("arith", op, node, self.power())
        return node

    def power(self) -> tuple:
        node = self.unary()
        while self.at_op("**"):
            self.advance()
            node = ("arith", "**", node, self.unary())
        return node

    def unary(self) -> tuple:
        if self.at_op("-"):
            self.advance()
            operand = self.unary()
            if operand[0] == "literal" and isinstance(operand[1], Decimal):
                return ("literal", -operand[1])
            return ("negate", operand)
        return self.postfix()

    def postfix(self) -> tuple:
        node = self.primary()
        while True:
            if self.at_op("."):
                self.advance()
                node = ("path", node, self.expect(NAME).value)
            elif self.at_op("["):
                self.advance()
                condition = self.expression()
                self.expect(OP, "]")
                node = ("filter", node, condition)
            elif self.at_op("("):
                node = ("call", node, self.arguments())
            else:
                return node

    def arguments(self) -> tuple:
        """Positional (list) or named (dict) arguments of an invocation."""
        self.expect(OP, "(")
        positional: list[tuple] = []
        named: dict[str, tuple] = {}
        while not self.at_op(")"):
            if self.at(NAME) and self.peek(1).value == ":":
                name = self.advance().value
                self.advance()
                named[name] = self.expression()
            else:
                positional.append(self.expression())
            if not self.at_op(")"):
                self.expect(OP, ",")
        self.advance()
        if positional and named:
            raise FeelSyntaxError("mixed positional and named arguments", self.peek().start)
        return ("named", named) if named else ("positional", positional)

    def primary(self) -> tuple:
        token = self.peek()
        if token.kind == NUMBER:
            self.advance()
            return ("literal", Decimal(token.value))
        if token.kind == STRING:
            self.advance()
            return ("literal", token.value)
        if token.kind == TEMPORAL:
            self.advance()
            return ("temporal", token.value)
        if token.kind == NAME:
            if token.value in ("true", "false"):
                self.advance()
                return ("literal", token.value == "true")
            if token.value == "null":
                self.advance()
                return ("literal", None)
            if token.value == "?":
                self.advance()
                return ("input",)
            if token.value in KEYWORDS and token.value != "not":
                raise FeelSyntaxError(f"unexpected {token.value!r}", token.start)
            self.advance()
            return ("name", token.value)
        if token.kind == OP:
            if token.value in ("(", "[", "]"):
                saved = self.i
                try:
                    return self.interval()
                except FeelSyntaxError:
                    self.i = saved
                if token.value == "(":
                    self.advance()
                    node = self.expression()
                    self.expect(OP, ")")
                    return node
                if token.value == "[":
                    return self.list_literal()
            if token.value == "{":
                return self.context_literal()
            if token.value in ("<", "<=", ">", ">="):
                # A unary comparison inside a list of tests, e.g. `[< 5, > 10]`.
                op = self.advance().value
                return ("unary_compare", op, self.endpoint())
        found = token.value or "the end"
        raise FeelSyntaxError(f"unexpected {found!r}", token.start)

    def list_literal(self) -> tuple:
        self.expect(OP, "[")
        items = []
        while not self.at_op("]"):
            items.append(self.expression())
            if not self.at_op("]"):
                self.expect(OP, ",")
        self.advance()
        return ("list", items)

    def context_literal(self) -> tuple:
        start = self.expect(OP, "{")
        entries = []
        while not self.at_op("}"):
            if self.at(STRING):
                key = self.advance().value
            else:
                # A key may be several words ("Monthly Salary") or even keywords.
                first = self.peek()
                last = first
                while not self.at_op(":") and not self.at(EOF):
                    last = self.advance()
                if first is last and first.kind != NAME:
                    raise FeelSyntaxError("a context key must be a name or a string", first.start)
                key = " ".join(self.text[first.start : last.end].split())
            self.expect(OP, ":")
            entries.append((key, self.expression()))
            if not self.at_op("}"):
                self.expect(OP, ",")
        if self.at(EOF):
            raise FeelSyntaxError("unclosed context", start.start)
        self.advance()
        return ("context", entries)

    def endpoint(self) -> tuple:
        return self.additive()

    def interval(self) -> tuple:
        opening = self.advance().value
        if opening not in ("(", "[", "]"):
            raise FeelSyntaxError("expected an interval", self.peek().start)
        low = self.endpoint()
        self.expect(OP, "..")
        high = self.endpoint()
        closing = self.peek()
        if closing.value not in (")", "]", "["):
            raise FeelSyntaxError("expected the end of an interval", closing.start)
        self.advance()
        return ("range", opening == "[", low, high, closing.value == "]")

    # -- unary tests -----------------------------------------------------------------------
    def positive_unary_tests(self) -> list[tuple]:
        tests = [self.positive_unary_test()]
        while self.at_op(","):
            self.advance()
            tests.append(self.positive_unary_test())
        return tests

    def positive_unary_test(self) -> tuple:
        if self.at_op("<", "<=", ">", ">=", "=", "!="):
            op = self.advance().value
            return ("unary_compare", op, self.endpoint())
        if self.at_op("[", "]", "("):
            saved = self.i
            try:
                node = self.interval()
                if self.at_op(",") or self.at(EOF) or self.at_op(")"):
                    return node
            except FeelSyntaxError:
                pass
            self.i = saved
        return ("expression_test", self.expression())
