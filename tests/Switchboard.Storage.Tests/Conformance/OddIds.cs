namespace Switchboard.Storage.Tests.Conformance;

/// <summary>Grain keys and state names that break naive key schemes, addressed by index so theory data stays printable.</summary>
public static class OddIds
{
    /// <summary>Odd ids that still fit a table key: at most a few hundred characters, no control characters.</summary>
    public static readonly string[] Values =
    [
        "plain",
        "\u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440", // Cyrillic "Привет, мир"
        "a/b\\c#d?e",
        "a_b_c_d_e", // what Orleans's own sanitizer turns the previous one into
        "%41%2F%%u0041", // looks like escapes
        "|a||b|",
        "'quoted' \"double\" `back` & + = ; : , < > [ ] { } ( ) ! * @ $ ^ ~ space ",
        "\U0001F600 emoji and \u00E9\u0301 combining and \u200B zero width and \uFEFF BOM and \u2028 separator",
        "\u4E2D\u6587 \u0627\u0644\u0639\u0631\u0628\u064A\u0629 \u05E2\u05D1\u05E8\u05D9\u05EA",
        new string('k', 400),
        new string('\u0416', 400), // 400 Cyrillic letters: 800 bytes of UTF-8
    ];

    /// <summary>Odd ids no table key can hold as they are: control characters, and lengths past a key's 1 KiB.</summary>
    public static readonly string[] BeyondTableKeys =
    [
        "\u0000\u0001\u0009\u000A\u000D\u001F",
        "\u007F\u0080\u0085\u009F",
        new string('k', 1000),
        new string('\u0416', 1000), // 1,000 Cyrillic letters: 2 KiB in UTF-16
        string.Concat(Enumerable.Repeat("/\\#?\u0001", 300)),
        new string('x', 5000),
    ];

    public static TheoryData<int> Indexes() => IndexesOf(Values);

    public static TheoryData<int> BeyondTableKeyIndexes() => IndexesOf(BeyondTableKeys);

    private static TheoryData<int> IndexesOf(string[] values)
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < values.Length; i++)
        {
            data.Add(i);
        }

        return data;
    }
}
