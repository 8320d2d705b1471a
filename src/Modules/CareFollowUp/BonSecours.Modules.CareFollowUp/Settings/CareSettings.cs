using Marten;

namespace BonSecours.Modules.CareFollowUp.Settings;

/// <summary>Who one level of the escalation chain alerts.</summary>
internal enum EscalationTarget
{
    /// <summary>The staff whose rota shift (on-site or on-call) covers the moment.</summary>
    OnDutyStaff,

    /// <summary>The first of the resident's consented caregivers, in the order they were linked.</summary>
    FirstHelper,

    /// <summary>The second of the resident's consented caregivers.</summary>
    SecondHelper,

    /// <summary>The on-call manager(s) of the rota.</summary>
    OnCallManager,
}

/// <summary>The care settings of one residence (one document per Marten tenant).</summary>
internal sealed class CareSettings
{
    public const string DocumentId = "care-settings";

    public const int DefaultAcknowledgementDeadlineSeconds = 60;

    /// <summary>
    /// The default chain: the staff on duty, then the resident's two nearest helpers each tried
    /// twice before the manager, as the French telecare charter asks before emergency services.
    /// </summary>
    public static readonly IReadOnlyList<EscalationTarget> DefaultChain =
    [
        EscalationTarget.OnDutyStaff,
        EscalationTarget.FirstHelper,
        EscalationTarget.SecondHelper,
        EscalationTarget.FirstHelper,
        EscalationTarget.SecondHelper,
        EscalationTarget.OnCallManager,
    ];

    public string Id { get; set; } = DocumentId;

    /// <summary>Seconds a level has to acknowledge a call before the next level is alerted.</summary>
    public int AcknowledgementDeadlineSeconds { get; set; } = DefaultAcknowledgementDeadlineSeconds;

    /// <summary>Level n of a call alerts entry n; past the end, the last entry is alerted again.</summary>
    public List<EscalationTarget> EscalationChain { get; set; } = [.. DefaultChain];

    public TimeSpan AcknowledgementDeadline => TimeSpan.FromSeconds(AcknowledgementDeadlineSeconds);

    public EscalationTarget TargetOf(int level) => EscalationChain[Math.Min(level, EscalationChain.Count - 1)];

    public static async Task<CareSettings> LoadAsync(IQuerySession session, CancellationToken cancellationToken) =>
        await session.LoadAsync<CareSettings>(DocumentId, cancellationToken) ?? new CareSettings();
}
