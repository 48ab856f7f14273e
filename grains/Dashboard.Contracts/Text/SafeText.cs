using System.Globalization;

namespace Dashboard.Contracts.Text;

/// <summary>
/// Rules for what people and machines may name things: ids, names and free text travel to every
/// wall, into spreadsheets and into logs, so they are bounded and carry no control characters,
/// invisible formatting (right-to-left overrides, zero-width characters), markup or spreadsheet
/// formula prefixes.
/// </summary>
public static class SafeText
{
    private static readonly char[] FormulaPrefixes = ['=', '+', '-', '@'];

    /// <summary>What a decoder puts where bytes were not valid text: the input was damaged on its way.</summary>
    private const char ReplacementCharacter = '\uFFFD';

    /// <summary>A name shown on walls and in exports; null when it is fine, else the reason in Chinese.</summary>
    public static string? CheckName(string? value, string label, int maxLength, bool required = true)
    {
        if (CheckText(value, label, maxLength, required) is { } problem)
        {
            return problem;
        }

        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.IndexOfAny(['<', '>']) >= 0)
        {
            return $"{label}不能包含 < 或 >";
        }

        return value.TrimStart().IndexOfAny(FormulaPrefixes) == 0 ? $"{label}不能以 = + - @ 开头" : null;
    }

    /// <summary>Free text (a note, a reason); null when it is fine, else the reason in Chinese.</summary>
    public static string? CheckText(string? value, string label, int maxLength, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? $"请填写{label}" : null;
        }

        if (value.Length > maxLength)
        {
            return $"{label}最多 {maxLength} 个字符";
        }

        if (value.Contains(ReplacementCharacter))
        {
            return $"{label}含有无法识别的字符（�），请检查文字编码";
        }

        return value.Any(IsHidden) || HasLoneSurrogate(value) ? $"{label}不能包含控制字符或不可见的格式字符" : null;
    }

    private static bool IsHidden(char character) =>
        char.IsControl(character) || CharUnicodeInfo.GetUnicodeCategory(character) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse;

    private static bool HasLoneSurrogate(string value)
    {
        for (var index = 0; index < value.Length; index++)
        {
            if (char.IsHighSurrogate(value[index]) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1]))
            {
                index++;
            }
            else if (char.IsSurrogate(value[index]))
            {
                return true;
            }
        }

        return false;
    }
}
