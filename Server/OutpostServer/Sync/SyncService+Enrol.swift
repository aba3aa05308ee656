import Foundation
import Logging
import OutpostModel
import HubCore
import OutpostProtocol
import OutpostStore
import SodiumKit
import SyncChannel

extension SyncService {
    /// Enrols a device: finds the code by its id, opens the request with the code's
    /// key, then redeems the code and registers the device's public key in one
    /// transaction. A request that fails to open leaves the code unused.
    func enrol(_ request: [UInt8]) async throws -> [UInt8] {
        let codeHash = GenericHash.hex(try EnrolmentSeal.codeID(ofRequest: request))
        guard let code = try await store.enrolmentCode(hash: codeHash), let sealKey = code.sealKey else {
            throw ProtocolError(.enrolmentRefused, "unknown enrolment code; check it or ask an admin for a new one (outpost-server device enrol --user NAME)")
        }
        let key = try AEAD.Key(sealKey)
        let enrolment = try EnrolmentSeal.openRequest(request, key: key)
        let enrolled: EnrolledDevice
        do throws(StoreError) {
            enrolled = try await store.enrolDevice(codeHash: codeHash, publicKey: enrolment.publicKey, label: enrolment.label, now: Date())
        } catch {
            guard error.code == .enrolmentRefused else { throw error }
            throw ProtocolError(.enrolmentRefused, error.message)
        }
        logger.info("device enrolled", metadata: ["device": "\(enrolled.number)", "user": "\(enrolled.user.name)"])
        let scope = try await hub.territories(of: enrolled.user)
        let names = try await store.territories().filter { scope.contains($0.id) }.map(\.name).sorted()
        let response = EnrolmentResponse(
            deviceNumber: enrolled.number, serverPublicKey: keys.publicKey.bytes, serverSigningKey: signingPublicKey,
            userName: enrolled.user.name,
            role: enrolled.user.role.rawValue, territories: names, syncPort: syncPort)
        return try EnrolmentSeal.sealResponse(response, key: key)
    }
}
