import ArgumentParser
import OutpostServer

await OutpostServerCommand.runMain()
