import Foundation

/// A name as part of a file name: lower case, each run of anything but letters and digits one hyphen, none
/// at either end ("Calderdale NHS Trust" → "calderdale-nhs-trust").
func fileNameSlug(_ name: String) -> String {
    name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }.reduce(into: "") { text, character in
        if character != "-" || text.last != "-" { text.append(character) }
    }.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
}
