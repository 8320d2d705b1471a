using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CareFollowUp.Residents;
using Marten;

namespace BonSecours.Modules.CareFollowUp.Access;

/// <summary>One read or change of a resident's health data: who, in which role, what, when.</summary>
internal sealed class HealthDataAccessRecord
{
    public Guid Id { get; set; }

    public Guid ResidentId { get; set; }

    public string UserId { get; set; } = string.Empty;

    public string Role { get; set; } = string.Empty;

    /// <summary>What was read or changed, such as <c>appointments.list</c> or <c>priority-call.read</c>.</summary>
    public string What { get; set; } = string.Empty;

    public string CorrelationId { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }
}

/// <summary>
/// Appointments, follow-up and priority calls are health data (GDPR article 9): only the
/// resident, the caregivers they consented to, and care or on-call staff may see them, and
/// every access is recorded for auditors.
/// </summary>
internal sealed class HealthDataAccess(IRequestContext context, TimeProvider clock)
{
    public static bool IsCareRole(string role) => role is Roles.CareStaff or Roles.OnCall or Roles.Administrator;

    /// <summary>
    /// Loads the resident's care file and checks the caller may see it, then records the
    /// access in <paramref name="session"/>; the caller's SaveChanges commits both.
    /// </summary>
    public async Task<ResidentCareFile> EnsureCanAccessAsync(IDocumentSession session, Guid residentId, string what, CancellationToken cancellationToken)
    {
        var file = await session.LoadAsync<ResidentCareFile>(residentId, cancellationToken)
            ?? throw new NotFoundException("care.resident-not-found", new LocalizedText(
                $"Aucun résident {residentId} dans cette résidence.",
                $"No resident {residentId} in this residence."));

        if (!IsAllowed(file))
        {
            throw new AccessDeniedException("care.health-data-denied", new LocalizedText(
                "Ces informations de santé sont réservées au résident, à ses aidants autorisés et à l'équipe de soins.",
                "This health data is for the resident, the caregivers they chose and the care team only."));
        }

        Record(session, residentId, what);
        return file;
    }

    public void Record(IDocumentSession session, Guid residentId, string what) =>
        session.Store(new HealthDataAccessRecord
        {
            Id = Guid.CreateVersion7(),
            ResidentId = residentId,
            UserId = context.UserId,
            Role = context.Role,
            What = what,
            CorrelationId = context.CorrelationId,
            At = clock.GetUtcNow(),
        });

    /// <summary>Records an access by scheduled work that no person started, such as a passed check-in deadline.</summary>
    public static void RecordBySystem(IDocumentSession session, Guid residentId, string userId, string what, string correlationId, DateTimeOffset at) =>
        session.Store(new HealthDataAccessRecord
        {
            Id = Guid.CreateVersion7(),
            ResidentId = residentId,
            UserId = userId,
            Role = "system",
            What = what,
            CorrelationId = correlationId,
            At = at,
        });

    private bool IsAllowed(ResidentCareFile file) =>
        IsCareRole(context.Role)
        || (context.Role == Roles.Resident && context.PersonId == file.Id.ToString())
        || (context.Role == Roles.Caregiver && Guid.TryParse(context.PersonId, out var caregiverId) && file.ConsentedCaregiverIds.Contains(caregiverId));
}
