using System.Globalization;
using System.Text;

namespace SalesHub.Core.Customers;

/// <summary>
/// Pure rules for spotting duplicate customers and for searching them: the keys two records share
/// when they probably describe the same company or person, and the checks on phone and e-mail text.
/// Every rule first applies Unicode NFKC, so full-width letters, digits and punctuation typed with a
/// Chinese input method compare equal to their half-width forms.
/// </summary>
public static class CustomerMatching
{
    private const int MinPhoneDigits = 7;
    private const int MaxPhoneDigits = 15; // the E.164 maximum, country code included
    private const string PhoneSeparators = " -()./";
    private const string InternationalCallPrefix = "00";
    private const string ChinaCountryCode = "86";
    private const int MaxEmailLength = 254;
    private const string BranchSuffix = "分公司";
    private const int LastLatinCodePoint = 0x024F; // end of Latin Extended-B

    // Longest first, so a whole legal form goes in one step rather than leaving part of it behind.
    private static readonly string[] ChineseLegalForms =
        new[] { "股份有限公司", "有限责任公司", "有限責任公司", "集团有限公司", "集團有限公司", "有限公司", "集团", "集團", "公司" }
            .OrderByDescending(form => form.Length)
            .ToArray();

    // Compared with whole trailing words joined together, so "Co., Ltd." and "L.L.C." match too.
    private static readonly HashSet<string> LatinLegalForms = new(StringComparer.Ordinal)
    {
        "coltd", "co", "ltd", "limited", "inc", "incorporated", "corp", "corporation",
        "company", "llc", "gmbh", "plc", "group",
    };

    /// <summary>
    /// The key two customer names share when they are likely the same company or person: NFKC,
    /// lower case, only letters and digits of any script, and trailing legal forms removed
    /// ("上海华联有限公司" and "Acme Co., Ltd." become "上海华联" and "acme"). Latin legal forms are
    /// removed only as whole words, so "Costco" keeps its "co"; "分公司" is kept because a branch is
    /// a customer of its own; a name that is nothing but a legal form keeps it.
    /// </summary>
    /// <returns>The key, or "" for a blank name.</returns>
    public static string NormalizeName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var words = Words(Fold(name));
        while (StripLegalForm(words))
        {
        }

        return string.Concat(words);
    }

    /// <summary>
    /// The digits of a phone number (NFKC first, so full-width digits count), without China's
    /// international prefix: a leading "00" call prefix goes, then a leading "86" when at least ten
    /// digits follow it. A number dialled from abroad drops the trunk "0" of a landline's area code,
    /// so it is put back: "+86 21 6234 5678" and "021-6234 5678" both give "02162345678", while an
    /// 11-digit mobile such as "+86 138 0013 8000" gives "13800138000". Other country codes stay.
    /// </summary>
    /// <returns>The digits, or "" for a blank number.</returns>
    public static string PhoneDigits(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return "";
        }

        var digits = string.Concat(Fold(phone).Where(char.IsAsciiDigit));
        if (digits.StartsWith(InternationalCallPrefix, StringComparison.Ordinal))
        {
            digits = digits[InternationalCallPrefix.Length..];
        }

        if (digits.StartsWith(ChinaCountryCode, StringComparison.Ordinal) && digits.Length - ChinaCountryCode.Length >= 10)
        {
            digits = digits[ChinaCountryCode.Length..];
            var isMobile = digits.Length == 11 && digits[0] == '1';
            if (!isMobile && digits[0] != '0')
            {
                digits = "0" + digits;
            }
        }

        return digits;
    }

    /// <summary>The e-mail address as stored and compared: NFKC, trimmed, lower case.</summary>
    /// <returns>The address, or "" for a blank one.</returns>
    public static string NormalizeEmail(string? email) =>
        string.IsNullOrWhiteSpace(email) ? "" : Fold(email).Trim();

    /// <summary>
    /// Whether the text reads as a phone number: after NFKC and trimming, only digits and the
    /// separators space, '-', '(', ')', '.', '/', with an optional '+' at the start, and between
    /// 7 and 15 digits.
    /// </summary>
    public static bool IsValidPhone(string? phone) => PhoneDigitCount(phone) is >= MinPhoneDigits and <= MaxPhoneDigits;

    /// <summary>Whether a search term is written like (part of) a phone number, so that it is also looked up by digits.</summary>
    public static bool IsPhoneLike(string? text) => PhoneDigitCount(text) > 0;

    /// <summary>How many digits the text has, or null when it has anything a phone number cannot.</summary>
    private static int? PhoneDigitCount(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var text = Fold(phone).Trim();
        var digits = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                digits++;
            }
            else if (text[i] == '+' ? i > 0 : !PhoneSeparators.Contains(text[i]))
            {
                return null;
            }
        }

        return digits;
    }

    /// <summary>
    /// Whether the text reads as an e-mail address, judged on <see cref="NormalizeEmail"/>'s result:
    /// at most 254 characters, no white space, exactly one '@' with something before it, and a
    /// domain of at least two non-empty dot-separated labels. Deliberately simpler than
    /// <c>MailAddress</c>, which also accepts display names and quoted forms.
    /// </summary>
    public static bool IsValidEmail(string? email)
    {
        var text = NormalizeEmail(email);
        var at = text.IndexOf('@');
        if (text.Length is 0 or > MaxEmailLength || at <= 0 || at != text.LastIndexOf('@') || text.Any(char.IsWhiteSpace))
        {
            return false;
        }

        var labels = text[(at + 1)..].Split('.');
        return labels.Length >= 2 && labels.All(label => label.Length > 0);
    }

    /// <summary>
    /// What search compares, for both the stored search text and the user's term: NFKC, lower case,
    /// trimmed, runs of white space collapsed to one space ("ＡＢＣ  Trading" → "abc trading").
    /// </summary>
    /// <returns>The key, or "" for blank text.</returns>
    public static string SearchKey(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? ""
            : string.Join(' ', Fold(text).Split(default(char[]), StringSplitOptions.RemoveEmptyEntries));

    private static string Fold(string text)
    {
        // Normalize throws on an unpaired surrogate (half an emoji left by a cut-off paste); rune
        // enumeration turns it into U+FFFD, a symbol the name key drops.
        var valid = text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF') ? string.Concat(text.EnumerateRunes()) : text;
        return valid.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
    }

    /// <summary>
    /// Splits text into runs of letters and digits (combining marks stay with their letter),
    /// dropping everything else. A change between Latin and another script also ends a word, so
    /// the "co" of "华联Co.,Ltd" is a word of its own.
    /// </summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var wordIsLatin = false;
        for (var i = 0; i < text.Length;)
        {
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var length);
            var isMark = Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
            var isLatin = rune.Value <= LastLatinCodePoint;
            var continuesWord = isMark || (Rune.IsLetterOrDigit(rune) && isLatin == wordIsLatin);
            if (word.Length > 0 && !continuesWord)
            {
                words.Add(word.ToString());
                word.Clear();
            }

            if (Rune.IsLetterOrDigit(rune) || (isMark && word.Length > 0))
            {
                wordIsLatin = word.Length == 0 ? isLatin : wordIsLatin;
                word.Append(text, i, length);
            }

            i += length;
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>Removes one trailing legal form, unless nothing else would be left.</summary>
    /// <returns>Whether a legal form was removed.</returns>
    private static bool StripLegalForm(List<string> words)
    {
        if (words.Count == 0)
        {
            return false;
        }

        var last = words[^1];
        var chinese = last.EndsWith(BranchSuffix, StringComparison.Ordinal)
            ? null
            : ChineseLegalForms.FirstOrDefault(form => last.EndsWith(form, StringComparison.Ordinal));
        if (chinese is not null)
        {
            if (words.Count == 1 && last.Length == chinese.Length)
            {
                return false;
            }

            var rest = last[..^chinese.Length];
            if (rest.Length == 0)
            {
                words.RemoveAt(words.Count - 1);
            }
            else
            {
                words[^1] = rest;
            }

            return true;
        }

        for (var count = words.Count; count > 0; count--)
        {
            if (LatinLegalForms.Contains(string.Concat(words.Skip(words.Count - count))))
            {
                if (count == words.Count)
                {
                    return false;
                }

                words.RemoveRange(words.Count - count, count);
                return true;
            }
        }

        return false;
    }
}
