using System.Collections.Frozen;

namespace LeadKit.Abstractions.Fields;

/// <summary>Well-known free-mail domains, used to tell business e-mail from personal e-mail.</summary>
public static class FreeMailDomains
{
    /// <summary>Gets the default set (lower-case, ordinal).</summary>
    public static FrozenSet<string> Default { get; } = FrozenSet.ToFrozenSet(
    [
        "gmail.com", "googlemail.com", "yahoo.com", "yahoo.com.br", "yahoo.co.uk", "yahoo.fr", "yahoo.de", "ymail.com",
        "hotmail.com", "hotmail.co.uk", "hotmail.fr", "hotmail.de", "outlook.com", "outlook.de", "live.com", "msn.com",
        "aol.com", "icloud.com", "me.com", "mac.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "gmx.com",
        "web.de", "t-online.de", "mail.com", "yandex.ru", "yandex.com", "mail.ru", "qq.com", "163.com", "uol.com.br",
        "bol.com.br", "terra.com.br", "ig.com.br", "zoho.com", "fastmail.com", "hey.com", "tutanota.com", "orange.fr",
        "free.fr", "laposte.net", "libero.it", "virgilio.it", "sapo.pt",
    ], StringComparer.Ordinal);
}
