namespace BonSecours.BuildingBlocks.Application;

/// <summary>
/// Who is acting, for which residence, and under which correlation. Every event appended
/// and every query run inside a request reads its residence from here.
/// </summary>
public interface IRequestContext
{
    string UserId { get; }

    string Role { get; }

    /// <summary>The residence (Marten tenant id) the caller works in.</summary>
    string ResidenceId { get; }

    /// <summary>The resident or caregiver the caller is, when the caller is one.</summary>
    string? PersonId { get; }

    string CorrelationId { get; }

    string CausationId { get; }
}
