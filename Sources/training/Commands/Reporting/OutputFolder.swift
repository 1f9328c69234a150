import Foundation
import TrainingCore

extension Training {
    /// The folder a file is to be written into must exist.
    static func requireFolder(_ folder: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw InputError("there is no folder \(folder) to write to", at: InputLocation(field: "--out"))
        }
    }
}
