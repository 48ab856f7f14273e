using System.Text;
using System.Text.Unicode;

namespace Dashboard.Grains.Registry;

/// <summary>
/// Decodes a registry file. Clerks save from Excel or WPS: "CSV UTF-8" writes a BOM, other tools write
/// UTF-8 without one, and plain "CSV" on Chinese Windows writes the ANSI code page (GBK, a subset of GB18030).
/// </summary>
public static class RegistryCsvEncoding
{
    private static readonly Encoding Gb18030 = LoadGb18030();

    /// <summary>What a clerk is told when <see cref="Decode"/> refuses the file.</summary>
    public const string Utf16Refused = "文件是 UTF-16（Unicode 文本）编码，无法读取；请在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”或“CSV（逗号分隔）”";

    /// <summary>The text, or null when the encoding is one we refuse (UTF-16 "Unicode text" is tab separated, not CSV).</summary>
    public static (string? Text, string Name) Decode(byte[] content)
    {
        ReadOnlySpan<byte> bytes = content;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Encoding.UTF8.GetString(bytes[3..]), "utf-8-bom");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (null, "utf-16le");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (null, "utf-16be");
        }

        // GBK text with Chinese characters is practically never valid UTF-8, so a strict check decides.
        return Utf8.IsValid(bytes)
            ? (Encoding.UTF8.GetString(bytes), "utf-8")
            : (Gb18030.GetString(bytes), "gb18030");
    }

    private static Encoding LoadGb18030()
    {
        // .NET ships only the Unicode encodings by default; the code pages provider is in the shared framework.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }
}
