namespace LeadKit.Funnel.Assignment.Engine;

/// <summary>A rep's current weight in smooth weighted round robin; a reference so compiled pools update it without a look-up.</summary>
internal sealed class WeightCell
{
    public long Current;
}
