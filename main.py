from scrutiny_desktop.app import main
raise SystemExit(main())
