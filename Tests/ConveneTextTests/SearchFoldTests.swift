import Testing
@testable import ConveneText

@Suite struct SearchFoldTests {
    @Test(arguments: [
        ("Phạm Thị Thanh Hương", "pham thi thanh huong"),
        ("Đặng", "dang"),
        ("Đức", "duc"),
        ("Nguyễn Văn Ánh", "nguyen van anh"),
        ("Søren Łukasz", "soren lukasz"),
        ("Straße", "strasse"),
        ("Æsir Œuvre", "aesir oeuvre"),
        ("Istanbul ılık", "istanbul ilik"),
        ("Þór", "thor"),
        ("KEYNOTE", "keynote"),
    ])
    func foldsCaseAndAccents(input: String, expected: String) {
        #expect(SearchFold.fold(input) == expected)
    }

    @Test func decomposedVietnameseFoldsLikePrecomposed() {
        #expect(SearchFold.fold("Pha\u{323}m Thi\u{323} Hu\u{31B}o\u{31B}ng") == "pham thi huong")
    }

    @Test func thaiAndCJKAreUnchanged() {
        #expect(SearchFold.fold("น้ำใจ") == "น้ำใจ")
        #expect(SearchFold.fold("東京 カタカナ") == "東京 カタカナ")
    }

    @Test func plainASCIIIsOnlyLowercased() {
        #expect(SearchFold.fold("already lower") == "already lower")
        #expect(SearchFold.fold("Mixed Case 42") == "mixed case 42")
    }

    @Test func unaccentedNeedleFindsAccentedName() {
        let haystack = SearchFold.fold("Đặng Thị Hương")
        #expect(SearchFold.matches(haystackFolded: haystack, needle: "dang"))
        #expect(SearchFold.matches(haystackFolded: haystack, needle: "HUONG"))
        #expect(SearchFold.matches(haystackFolded: haystack, needle: "Hương"))
        #expect(!SearchFold.matches(haystackFolded: haystack, needle: "nguyen"))
    }

    @Test func emptyNeedleMatchesEverything() {
        #expect(SearchFold.matches(haystackFolded: "anything", needle: ""))
        #expect(SearchFold.matches(haystackFolded: "", needle: ""))
    }

    @Test func thaiConsonantIsFoundInsideAGraphemeWithAToneMark() {
        #expect(SearchFold.matches(haystackFolded: SearchFold.fold("ก่า"), needle: "ก"))
    }

    @Test func needleLongerThanHaystackDoesNotMatch() {
        #expect(!SearchFold.matches(haystackFolded: "ab", needleFolded: "abc"))
    }
}

@Suite struct SearchFoldFastPathTests {
    @Test(arguments: [
        "Phạm Thị Thanh Hương", "ĐẶNG VĂN ĐỨC", "Søren Æblegård", "Œuvre Straße", "東京 Nguyễn",
        "Ångström ǅ ǈ ǲ", "İstanbul", "ẞ ſ ŉ ǰ",
    ])
    func latinFastPathAgreesWithTheGeneralFold(sample: String) throws {
        let fast = try #require(SearchFold.foldLatin(sample))
        #expect(fast == SearchFold.foldAnything(sample))
    }

    @Test func textWithCombiningMarksOrThaiTakesTheGeneralPath() {
        #expect(SearchFold.foldLatin("Pha\u{323}m") == nil)
        #expect(SearchFold.foldLatin("น้ำ") == nil)
    }
}
