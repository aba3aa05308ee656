import ArgumentParser
import OutpostServer

await OutpostServerCommand.main()
