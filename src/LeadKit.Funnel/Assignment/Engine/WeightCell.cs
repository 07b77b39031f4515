namespace LeadKit.Funnel.Assignment.Engine;

/// <summary>A rep's lead count within one weighted pool; a reference so compiled pools update it without a look-up.</summary>
internal sealed class WeightCell
{
    public long Count;
}
