import SodiumKit
import Testing

/// The code of the `SodiumError` `body` throws, or nil when it throws nothing.
/// (Untyped `throws` because closures inside `#expect` do not infer typed throws.)
func sodiumErrorCode<T>(_ body: () throws -> T) -> SodiumError.Code? {
    do {
        _ = try body()
        return nil
    } catch let error as SodiumError {
        return error.code
    } catch {
        Issue.record("unexpected error type: \(error)")
        return nil
    }
}

/// The bytes of a hex string (test vectors).
func bytes(hex: String) -> [UInt8] {
    let digits = Array(hex.utf8)
    return stride(from: 0, to: digits.count, by: 2).map { i in
        UInt8(String(decoding: digits[i..<i + 2], as: UTF8.self), radix: 16)!
    }
}

/// `bytes` with one bit of byte `index` flipped.
func flipped(_ bytes: [UInt8], at index: Int) -> [UInt8] {
    var copy = bytes
    copy[index] ^= 0x01
    return copy
}
