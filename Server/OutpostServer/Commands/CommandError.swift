/// A command that could not do its work, with a one-line reason the user can act on.
///
/// Unlike ArgumentParser's `ValidationError`, which is for malformed arguments and
/// prints the usage too, this prints only `Error: <message>` and exits with status 1.
struct CommandError: Error, CustomStringConvertible {
    let message: String

    init(_ message: String) { self.message = message }

    var description: String { message }
}
