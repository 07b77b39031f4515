using System.Linq.Expressions;
using System.Reflection;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sources;

namespace LeadKit.Scoring.Rules;

/// <summary>
/// Expressions that read a lead's built-in fields through the shared reader, <see cref="LeadFields"/>, for models compiled into
/// straight-line code. The field is a constant, so the reader's switch folds away when the JIT inlines it.
/// </summary>
internal static class LeadFieldExpressions
{
    private static readonly MethodInfo TextMethod = typeof(LeadFields).GetMethod(nameof(LeadFields.ReadText))!;
    private static readonly MethodInfo NamedMethod = typeof(LeadFields).GetMethod(nameof(LeadFields.ReadNamed))!;
    private static readonly MethodInfo TryNumberMethod = typeof(LeadFields).GetMethod(nameof(LeadFields.TryReadNumber))!;
    private static readonly MethodInfo TryBooleanMethod = typeof(LeadFields).GetMethod(nameof(LeadFields.TryReadBoolean))!;
    private static readonly MethodInfo IsInMethod = typeof(CompiledCondition).GetMethod(nameof(CompiledCondition.IsIn))!;
    private static readonly PropertyInfo SourceProperty = typeof(Lead).GetProperty(nameof(Lead.Source))!;
    private static readonly MethodInfo SourceIndexMethod = typeof(VocabularyIndex<LeadSource>).GetMethod(nameof(VocabularyIndex<>.IndexOf))!;

    /// <summary><c>sources.IndexOf(lead.Source)</c>: the source's index in a model's sources, or -1.</summary>
    public static Expression SourceIndex(Expression lead, VocabularyIndex<LeadSource> sources)
        => Expression.Call(Expression.Constant(sources), SourceIndexMethod, Expression.Property(lead, SourceProperty));

    /// <summary><c>LeadFields.ReadText(lead, field)</c>.</summary>
    public static Expression Text(Expression lead, LeadField field) => Expression.Call(TextMethod, lead, Expression.Constant(field));

    /// <summary><c>LeadFields.ReadNamed(lead, field)</c>.</summary>
    public static Expression Named(Expression lead, LeadField field) => Expression.Call(NamedMethod, lead, Expression.Constant(field));

    /// <summary><c>LeadFields.TryReadNumber(lead, field, out number)</c>.</summary>
    public static Expression TryNumber(Expression lead, LeadField field, ParameterExpression number)
        => Expression.Call(TryNumberMethod, lead, Expression.Constant(field), number);

    /// <summary><c>LeadFields.TryReadBoolean(lead, field, out value)</c>.</summary>
    public static Expression TryBoolean(Expression lead, LeadField field, ParameterExpression value)
        => Expression.Call(TryBooleanMethod, lead, Expression.Constant(field), value);

    /// <summary><c>CompiledCondition.IsIn(value, mask)</c>.</summary>
    public static Expression IsIn(Expression value, ulong mask) => Expression.Call(IsInMethod, value, Expression.Constant(mask));
}
