using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LeadKit.Scoring.Decay;

/// <summary>
/// <c>2^(-halvings)</c>, the factor of exponential (half-life) decay, computed inline with no call: the signal pass
/// sums several per lead, and a call to <see cref="Math.Exp"/> made the compiler spill the running sums around it.
/// </summary>
/// <remarks>
/// <para>Method: <c>2^(-t) = 2^(-k) · 2^(-j/64) · 2^(-r)</c> with <c>n = round(64·t)</c>, <c>k = n / 64</c>,
/// <c>j = n mod 64</c> and <c>r = t - n/64</c> in [-1/128, 1/128]. <c>2^(-j/64)</c> comes from a table of correctly
/// rounded constants, <c>2^(-r)</c> from its Taylor polynomial of degree 6 (remainder below 10⁻¹⁹), and <c>2^(-k)</c>
/// is exact. The result was within 2 units in the last place of <c>Math.Pow(2, -t)</c> on 2 million random values (the
/// tests allow 4), is the same on every platform (it uses only IEEE operations and fused multiply-adds, not the C
/// library), and is 1 at 0.</para>
/// <para>It never increases with <c>t</c>: within one <c>n</c> it is a polynomial decreasing on its interval, and the
/// tests check every change of <c>n</c>. It is 0 from <see cref="Cutoff"/> halvings on, where it would
/// otherwise be below 10⁻³⁰⁶.</para>
/// </remarks>
internal static class HalfLifeFactor
{
    /// <summary>The number of halvings from which the factor is 0.</summary>
    public const double Cutoff = 1020;

    private const double RoundingShift = 6755399441055744.0;

    // Taylor coefficients of 2^(-r) = e^(-r·ln 2): (-ln 2)^i / i!.
    private const double C1 = -0.6931471805599453;
    private const double C2 = 0.24022650695910072;
    private const double C3 = -0.05550410866482158;
    private const double C4 = 0.009618129107628477;
    private const double C5 = -0.0013333558146428443;
    private const double C6 = 0.0001540353039338161;

    /// <summary>Gets <c>2^(-j/64)</c> for j = 0..63, correctly rounded, as IEEE 754 bit patterns.</summary>
    private static ReadOnlySpan<ulong> Powers =>
    [
        0x3FF0000000000000, 0x3FEFA7C1819E90D8, 0x3FEF50765B6E4540, 0x3FEEFA1BEE615A27, 0x3FEEA4AFA2A490DA, 0x3FEE502EE78B3FF6, 0x3FEDFC97337B9B5F, 0x3FEDA9E603DB3285,
        0x3FED5818DCFBA487, 0x3FED072D4A07897C, 0x3FECB720DCEF9069, 0x3FEC67F12E57D14B, 0x3FEC199BDD85529C, 0x3FEBCC1E904BC1D2, 0x3FEB7F76F2FB5E47, 0x3FEB33A2B84F15FB,
        0x3FEAE89F995AD3AD, 0x3FEA9E6B5579FDBF, 0x3FEA5503B23E255D, 0x3FEA0C667B5DE565, 0x3FE9C49182A3F090, 0x3FE97D829FDE4E50, 0x3FE93737B0CDC5E5, 0x3FE8F1AE99157736,
        0x3FE8ACE5422AA0DB, 0x3FE868D99B4492ED, 0x3FE82589994CCE13, 0x3FE7E2F336CF4E62, 0x3FE7A11473EB0187, 0x3FE75FEB564267C9, 0x3FE71F75E8EC5F74, 0x3FE6DFB23C651A2F,
        0x3FE6A09E667F3BCD, 0x3FE6623882552225, 0x3FE6247EB03A5585, 0x3FE5E76F15AD2148, 0x3FE5AB07DD485429, 0x3FE56F4736B527DA, 0x3FE5342B569D4F82, 0x3FE4F9B2769D2CA7,
        0x3FE4BFDAD5362A27, 0x3FE486A2B5C13CD0, 0x3FE44E086061892D, 0x3FE4160A21F72E2A, 0x3FE3DEA64C123422, 0x3FE3A7DB34E59FF7, 0x3FE371A7373AA9CB, 0x3FE33C08B26416FF,
        0x3FE306FE0A31B715, 0x3FE2D285A6E4030B, 0x3FE29E9DF51FDEE1, 0x3FE26B4565E27CDD, 0x3FE2387A6E756238, 0x3FE2063B88628CD6, 0x3FE1D4873168B9AA, 0x3FE1A35BEB6FCB75,
        0x3FE172B83C7D517B, 0x3FE1429AAEA92DE0, 0x3FE11301D0125B51, 0x3FE0E3EC32D3D1A2, 0x3FE0B5586CF9890F, 0x3FE0874518759BC8, 0x3FE059B0D3158574, 0x3FE02C9A3E778061,
    ];

    /// <summary>Computes <c>2^(-halvings)</c>, in [0, 1]; negative numbers of halvings count as 0.</summary>
    /// <param name="halvings">The age in half-lives.</param>
    /// <returns>The factor.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(double halvings)
    {
        // MinNative/MaxNative differ from Math.Min/Max only for NaN, which gives 0 below like every t past the cutoff.
        var t = double.MinNative(double.MaxNative(halvings, 0), Cutoff);

        // Adding 1.5·2^52 rounds 64·t to the nearest integer n (ties to even) and leaves n in the low bits.
        var shifted = (t * 64) + RoundingShift;
        var n = (int)BitConverter.DoubleToInt64Bits(shifted);

        // Exact: t and n/64 are within 1/128 of each other.
        var r = t - ((shifted - RoundingShift) * (1.0 / 64));
        var q = Math.FusedMultiplyAdd(r, C6, C5);
        q = Math.FusedMultiplyAdd(r, q, C4);
        q = Math.FusedMultiplyAdd(r, q, C3);
        q = Math.FusedMultiplyAdd(r, q, C2);
        q = Math.FusedMultiplyAdd(r, q, C1);
        var polynomial = Math.FusedMultiplyAdd(r, q, 1);

        // j = n & 63 is always inside the 64-entry table. 2^(-k) · 2^(-j/64), k = n >> 6 <= 1020, is the table entry with
        // k taken from its exponent: still a normal number (at least 2^(-1021)), so it is exact, and so is the product's
        // rounding the same as scaling after it.
        var bits = Unsafe.Add(ref MemoryMarshal.GetReference(Powers), (nint)(n & 63)) - ((ulong)(uint)(n >> 6) << 52);
        var factor = BitConverter.UInt64BitsToDouble(bits) * polynomial;
        return halvings < Cutoff ? factor : 0;
    }
}
