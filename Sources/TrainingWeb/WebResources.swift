import Foundation
import NIOCore

/// The files the web application reads at start: the page templates and the style sheet, under
/// `Sources/TrainingWeb/Resources`. Package.swift copies that folder as it is (`.copy("Resources")`) into
/// the target's resource bundle, which SwiftPM builds beside the program (`SafeguardingTraining_TrainingWeb.resources`
/// next to `.build/debug/training` or `.build/release/training`) and `Bundle.module` finds: first beside the
/// running executable, then at the path it was built in (how the tests, run from another folder, find it).
enum WebResources {
    /// The copied `Resources` folder. It lies within the bundle's resources (`Contents/Resources` on macOS),
    /// but on Linux Foundation takes a folder named `Resources` at the top of a bundle for the bundle's own
    /// resources folder, so there `resourceURL` is the copied folder itself.
    static var folder: URL {
        let resources = Bundle.module.resourceURL ?? Bundle.module.bundleURL
        let within = resources.appendingPathComponent("Resources", isDirectory: true)
        return FileManager.default.fileExists(atPath: within.path) ? within : resources
    }

    /// Every page's Mustache template, in a folder per part of the site.
    static var templates: URL { folder.appendingPathComponent("templates", isDirectory: true) }

    /// The style sheet every page links to (GOV.UK Design System patterns in the project's own CSS), served
    /// as the file holds it.
    static var styleSheet: URL { folder.appendingPathComponent("static/app.css") }

    /// A file's bytes, read once when the application starts.
    static func contents(of file: URL) throws(WebResourceError) -> ByteBuffer {
        guard let data = FileManager.default.contents(atPath: file.path) else { throw .fileMissing(path: file.path) }
        return ByteBuffer(bytes: data)
    }
}

/// Why the web application cannot start with its files: each says which file or folder.
enum WebResourceError: Error, Equatable, CustomStringConvertible {
    /// The folder is not where the build put it.
    case folderMissing(path: String)
    /// A file is not where the build put it.
    case fileMissing(path: String)
    /// Two files give a template the same name, so a page asking for it could get either.
    case nameClash(name: String, files: [String])
    /// A file could not be read, or is not a Mustache template.
    case unusable(file: String, problem: String)

    var description: String {
        switch self {
        case .folderMissing(let path): "The web application's folder \(path) is missing."
        case .fileMissing(let path): "The web application's file \(path) is missing."
        case .nameClash(let name, let files):
            "Two templates are named '\(name)': \(files.joined(separator: " and ")). Rename one; names are unique across folders."
        case .unusable(let file, let problem): "The web application's file \(file) cannot be used: \(problem)"
        }
    }
}
