namespace LeadKit.EntityFrameworkCore;

/// <summary>
/// A LeadKit store operation failed on the database (it could not connect, a statement failed, or the stored rows are
/// inconsistent). The message names the operation, never a lead's or rep's id; the database's own exception is
/// <see cref="Exception.InnerException"/>. Nothing the operation would have written was committed.
/// </summary>
public sealed class LeadKitStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LeadKitStoreException()
        : base("A LeadKit store operation failed on the database.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    public LeadKitStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The database's exception.</param>
    public LeadKitStoreException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal static LeadKitStoreException Failed(string operation, Exception innerException)
        => new($"{operation} failed on the database ({innerException.GetType().Name}); nothing was committed. See the inner exception.", innerException);
}
