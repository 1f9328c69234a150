// swift-tools-version:6.1
import PackageDescription

/// One library per concern (see ARCHITECTURE in README): rules in TrainingCore, SQL only in
/// TrainingStore, user files read in TrainingImport, spreadsheets through XLSX, PDFs through PDF, and the
/// `training` executable as a thin shell over them.
let package = Package(
    name: "SafeguardingTraining",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "training", targets: ["training"]),
        .executable(name: "training-bench", targets: ["TrainingBench"]),
        .library(name: "TrainingCore", targets: ["TrainingCore"]),
        .library(name: "TrainingStore", targets: ["TrainingStore"]),
        .library(name: "TrainingImport", targets: ["TrainingImport"]),
        .library(name: "XLSX", targets: ["XLSX"]),
        .library(name: "PDF", targets: ["PDF"]),
        .library(name: "TrainingReports", targets: ["TrainingReports"]),
        .library(name: "TrainingWeb", targets: ["TrainingWeb"]),
        .library(name: "TrainingMail", targets: ["TrainingMail"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // The SMTP client of TrainingMail: STARTTLS and implicit TLS to the partnership's mail relay.
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // Test-only: reads the produced .xlsx (a zip) back so tests can check the sheet XML.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // Test-only: generates the hostile values the route fuzz test sends (Tests/TrainingWebTests/RouteFuzzTests.swift).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .target(name: "TrainingCore"),
        .target(
            name: "TrainingStore",
            dependencies: [
                "TrainingCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .target(
            name: "TrainingImport",
            dependencies: ["TrainingCore", "Yams"]),
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]),
        .target(name: "XLSX", dependencies: ["CXlsxWriter"]),
        // Certificates (issue 22): cairo writes the PDF and embeds its fonts, pango lays out the text.
        .systemLibrary(
            name: "CPangoCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev", "fonts-dejavu-core"])]),
        .target(name: "PDF", dependencies: ["CPangoCairo"]),
        .target(name: "TrainingReports", dependencies: ["TrainingCore", "TrainingStore", "XLSX", "PDF"]),
        .target(name: "TrainingDemo", dependencies: ["TrainingCore", "TrainingStore", "TrainingImport"]),
        .target(
            name: "TrainingWeb",
            dependencies: [
                "TrainingCore", "TrainingStore", "TrainingImport", "TrainingReports", "XLSX", "TrainingMail",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources")]),
        // Email (issue 18): the messages' templates, the transports (SMTP, sendmail, maildir) and delivery.
        .target(
            name: "TrainingMail",
            dependencies: [
                "TrainingCore", "TrainingStore", "TrainingReports",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources")]),
        .executableTarget(
            name: "training",
            dependencies: [
                "TrainingCore", "TrainingStore", "TrainingImport", "XLSX", "PDF", "TrainingReports", "TrainingDemo", "TrainingWeb", "TrainingMail",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // The measurements of `make bench` (scripts/bench.py), an executable of their own so `training` ships none.
        .executableTarget(
            name: "TrainingBench",
            dependencies: [
                "TrainingCore", "TrainingStore", "TrainingReports", "XLSX", "TrainingMail",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .testTarget(name: "TrainingCoreTests", dependencies: ["TrainingCore"]),
        .testTarget(
            name: "TrainingStoreTests",
            dependencies: ["TrainingStore", "TrainingCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "TrainingImportTests", dependencies: ["TrainingImport", "TrainingCore"]),
        .testTarget(name: "XLSXTests", dependencies: ["XLSX", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "PDFTests", dependencies: ["PDF"]),
        .testTarget(
            name: "TrainingReportsTests",
            dependencies: ["TrainingReports", "TrainingStore", "TrainingCore", "XLSX",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "TrainingDemoTests", dependencies: ["TrainingDemo", "TrainingReports", "TrainingStore", "TrainingCore"]),
        .testTarget(
            name: "TrainingWebTests",
            dependencies: ["TrainingWeb", "TrainingStore", "TrainingCore",
                           .product(name: "HummingbirdTesting", package: "hummingbird"),
                           .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                           .product(name: "PropertyBased", package: "swift-property-based"),
                           .product(name: "Logging", package: "swift-log")]),
        .testTarget(
            name: "TrainingMailTests",
            dependencies: ["TrainingMail", "TrainingStore", "TrainingCore", .product(name: "NIOSSL", package: "swift-nio-ssl")]),
        .testTarget(
            name: "TrainingCLITests",
            dependencies: ["training", "TrainingStore", "TrainingCore", .product(name: "GRDB", package: "GRDB.swift")]),
    ],
    swiftLanguageModes: [.v6]
)
