using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LeadKit.Scoring.Rules;

/// <summary>
/// "Text contains one of these keywords, ignoring case" (<see cref="StringComparison.OrdinalIgnoreCase"/>): the
/// compiled form of <see cref="Abstractions.Fields.FieldOperator.Contains"/>, with a fast path for the short ASCII text
/// that job titles and similar fields hold.
/// </summary>
/// <remarks>
/// <para><see cref="SearchValues{T}"/> falls back to Rabin-Karp for text this short, which cost about 10 ns per search
/// in the reference model. The fast path takes ASCII text of 8 to <see cref="ShortText"/> characters in two vectors
/// (its start and its end), lower-cases them, and for each keyword finds the positions whose first and last letters
/// match with one vector compare each; only those few candidates are compared in full. For ASCII text and ASCII
/// keywords, ordinal case-insensitive equality is exactly equality after lower-casing A-Z.</para>
/// <para>Other text (shorter, longer, or not ASCII, where Unicode's case rules apply), keywords that are
/// not ASCII or contain NUL, and machines without 256-bit vectors use <see cref="SearchValues{T}"/>. Tests check the fast path
/// against it. Immutable and thread-safe.</para>
/// </remarks>
internal sealed class KeywordSearch
{
    /// <summary>The longest text the fast path takes, in characters.</summary>
    public const int ShortText = 32;

    // The bits a UTF-16 code unit has set when it is not ASCII.
    private const ushort NonAscii = 0xFF80;

    private readonly SearchValues<string> _search;

    // The keywords lower-cased, with their first and last letters; null when the fast path is off.
    private readonly Keyword[]? _keywords;

    /// <summary>Creates the search; every keyword must be non-empty.</summary>
    /// <param name="keywords">The keywords.</param>
    public KeywordSearch(ReadOnlySpan<string> keywords)
    {
        _search = SearchValues.Create(keywords, StringComparison.OrdinalIgnoreCase);
        var fast = Vector256.IsHardwareAccelerated;
        foreach (var keyword in keywords)
        {
            // NUL would match the zero lanes past a short text.
            fast &= System.Text.Ascii.IsValid(keyword) && !keyword.Contains('\0', StringComparison.Ordinal);
        }

        // A keyword longer than the fast path's text never matches it, so it is left out there.
        _keywords = fast
            ? [.. keywords.ToArray().Where(k => k.Length <= ShortText).Select(k => new Keyword(k.ToLowerInvariant()))]
            : null;
    }

    /// <summary>Whether <paramref name="text"/> contains one of the keywords, ignoring case (for compiled expressions, which cannot pass spans).</summary>
    /// <param name="text">The text.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public bool IsIn(string text) => IsIn(text.AsSpan());

    /// <summary>Whether <paramref name="text"/> contains one of the keywords, ignoring case.</summary>
    /// <param name="text">The text.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public bool IsIn(ReadOnlySpan<char> text)
    {
        if (_keywords is { } keywords && text.Length is >= 8 and <= ShortText)
        {
            // Two loads, at the start and at the end, cover the text (overlapping when it is shorter than both); a bit
            // of a mask stands for a position of the text. Nothing is copied: a copy read back as a vector waits for
            // the copy's stores to finish.
            ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            if (text.Length >= 16)
            {
                var end = (nuint)text.Length - 16;
                var head = Vector256.LoadUnsafe(ref first);
                var tail = Vector256.LoadUnsafe(ref first, end);
                if (((head | tail) & Vector256.Create(NonAscii)) == Vector256<ushort>.Zero)
                {
                    return IsIn(text, keywords, ToLower(head), ToLower(tail), (int)end);
                }
            }
            else
            {
                var end = (nuint)text.Length - 8;
                var head = Vector128.LoadUnsafe(ref first);
                var tail = Vector128.LoadUnsafe(ref first, end);
                if (((head | tail) & Vector128.Create(NonAscii)) == Vector128<ushort>.Zero)
                {
                    return IsIn(text, keywords, ToLower(head).ToVector256(), ToLower(tail).ToVector256(), (int)end);
                }
            }
        }

        return text.ContainsAny(_search);
    }

    private static Vector256<ushort> ToLower(Vector256<ushort> chars)
        => chars | (Vector256.LessThan(chars - Vector256.Create((ushort)'A'), Vector256.Create((ushort)26)) & Vector256.Create((ushort)0x20));

    private static Vector128<ushort> ToLower(Vector128<ushort> chars)
        => chars | (Vector128.LessThan(chars - Vector128.Create((ushort)'A'), Vector128.Create((ushort)26)) & Vector128.Create((ushort)0x20));

    /// <summary>
    /// The search over lower-cased ASCII text held as <paramref name="head"/> (from position 0) and
    /// <paramref name="tail"/> (from <paramref name="end"/>), overlapping; the lanes of a shorter text's upper half are zero.
    /// </summary>
    private static bool IsIn(ReadOnlySpan<char> text, Keyword[] keywords, Vector256<ushort> head, Vector256<ushort> tail, int end)
    {
        foreach (var keyword in keywords)
        {
            var firsts = Positions(head, tail, end, keyword.First);
            var lasts = Positions(head, tail, end, keyword.Last);
            var candidates = firsts & (lasts >> keyword.LastOffset);
            while (candidates != 0)
            {
                var position = BitOperations.TrailingZeroCount(candidates);
                if (System.Text.Ascii.EqualsIgnoreCase(text.Slice(position, keyword.Text.Length), keyword.Text))
                {
                    return true;
                }

                candidates &= candidates - 1;
            }
        }

        return false;
    }

    /// <summary>The positions of the text holding <paramref name="letter"/>, as bits of a mask.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Positions(Vector256<ushort> head, Vector256<ushort> tail, int end, Vector256<ushort> letter)
        => Vector256.Equals(head, letter).ExtractMostSignificantBits() | ((ulong)Vector256.Equals(tail, letter).ExtractMostSignificantBits() << end);

    /// <summary>A keyword for the fast path: lower-case ASCII, with its first and last letter in every lane.</summary>
    private sealed class Keyword(string text)
    {
        public string Text { get; } = text;

        public Vector256<ushort> First { get; } = Vector256.Create((ushort)text[0]);

        public Vector256<ushort> Last { get; } = Vector256.Create((ushort)text[^1]);

        public int LastOffset { get; } = text.Length - 1;
    }
}
