// OutpostProtocol placeholder while the package is scaffolded.
