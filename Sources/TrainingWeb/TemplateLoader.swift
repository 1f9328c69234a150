import Foundation
import Mustache

/// Loads the site's templates once, when the application starts: every `.mustache` file under a folder
/// (sub-folders included), each named by its file name without the extension — `booker/programme.mustache`
/// is `programme`, the name a page is rendered with and a partial or parent is called by (`{{>report-table}}`,
/// `{{<layout}}`). The folders only sort the files: a name must be unique across all of them, and two files
/// of one name are an error rather than one of them silently winning. A file's final line break is not part
/// of its template, so an editor adding one does not add a line to every page. Every template escapes with
/// `HTMLEscaping`.
enum TemplateLoader {
    static let fileExtension = "mustache"

    static func library(from folder: URL) throws(WebResourceError) -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, file) in try templateFiles(in: folder) {
            let text: String
            do {
                text = try String(contentsOf: file, encoding: .utf8)
            } catch {
                throw .unusable(file: file.path, problem: error.localizedDescription)
            }
            do {
                library.register(try template(text.hasSuffix("\n") ? String(text.dropLast()) : text), named: name)
            } catch {
                throw .unusable(file: file.path, problem: "\(error)")
            }
        }
        return library
    }

    /// A template of `text` that escapes what it shows with `HTMLEscaping`.
    static func template(_ text: String) throws -> MustacheTemplate {
        HTMLEscaping.register()
        return try MustacheTemplate(string: HTMLEscaping.pragma + text)
    }

    /// Each template's name and file, found under `folder`; refuses a missing folder and a name given twice.
    static func templateFiles(in folder: URL) throws(WebResourceError) -> [(name: String, file: URL)] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue,
              let walk = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            throw .folderMissing(path: folder.path)
        }
        let files = walk.compactMap { $0 as? URL }.filter { $0.pathExtension == fileExtension }.sorted { $0.path < $1.path }
        let byName = Dictionary(grouping: files) { $0.deletingPathExtension().lastPathComponent }
        if let (name, clashing) = byName.sorted(by: { $0.key < $1.key }).first(where: { $0.value.count > 1 }) {
            throw .nameClash(name: name, files: clashing.map(\.path))
        }
        return byName.compactMap { name, files in files.first.map { (name, $0) } }.sorted { $0.name < $1.name }
    }
}
