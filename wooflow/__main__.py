from wooflow.cli import main

main()
