using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Leads;

namespace LeadKit.Scoring.Kernel;

/// <summary>
/// Cache prefetch hints for batch scoring: while one lead is scored, the parts of the next ones are fetched from memory.
/// A large batch visits leads that are mostly not in the cache, and each lead is several objects that can only be
/// found one after the other (the lead, then its signals, contact and company).
/// </summary>
/// <remarks>
/// Hints only: a prefetch never faults and changes no value. An address read just before the garbage collector moves
/// the object costs a useless hint, nothing more. Without SSE (other processors) these do nothing.
/// </remarks>
internal static unsafe class LeadPrefetch
{
    /// <summary>Asks for the first cache line of an object.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Object(object? value)
    {
        if (Sse.IsSupported && value is not null)
        {
            Sse.Prefetch0(*(void**)Unsafe.AsPointer(ref value));
        }
    }

    /// <summary>Asks for the lead object: its fields span about three cache lines.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Lead(Lead? lead)
    {
        if (Sse.IsSupported && lead is not null)
        {
            var first = *(byte**)Unsafe.AsPointer(ref lead);
            Sse.Prefetch0(first);
            Sse.Prefetch0(first + 64);
            Sse.Prefetch0(first + 128);
        }
    }

    /// <summary>Asks for the lead's signals, contact, company and BANT assessment.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Parts(Lead lead)
    {
        if (!Sse.IsSupported)
        {
            return;
        }

        if (ImmutableCollectionsMarshal.AsArray(lead.Signals) is { Length: > 0 } signals)
        {
            // Every cache line of the signals: a short array ends before the hardware prefetcher would stream it.
            var first = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(signals));
            var end = first + ((nint)signals.Length * Unsafe.SizeOf<EngagementSignal>());
            for (var line = first; line < end; line += 64)
            {
                Sse.Prefetch0(line);
            }
        }

        Object(lead.Contact);
        Object(lead.Company);
        Object(lead.Bant);
    }
}
