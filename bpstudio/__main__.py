from bpstudio.app import main

main()
