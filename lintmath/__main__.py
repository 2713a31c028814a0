from lintmath.cli import main

main()
