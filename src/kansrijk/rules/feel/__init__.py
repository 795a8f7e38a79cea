"""FEEL (Friendly Enough Expression Language, DMN 1.5 chapter 10): parser, compiler, built-ins."""
