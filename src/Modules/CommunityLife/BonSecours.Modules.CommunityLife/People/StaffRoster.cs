using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Security;
using Marten;
using Microsoft.AspNetCore.Http;

namespace BonSecours.Modules.CommunityLife.People;

/// <summary>
/// Stores the signed-in staff member's role and name in the session, so other participants see
/// who wrote or called. Handlers call it from the writes a staff member makes in messaging and
/// video calls. It stores nothing for residents and caregivers.
/// </summary>
internal sealed class StaffRoster(IRequestContext context, IHttpContextAccessor http, TimeProvider clock)
{
    public const int MaxNameLength = 100;

    public void RecordCaller(IDocumentSession session)
    {
        if (!Policies.IsStaff(context.Role))
        {
            return;
        }

        var name = http.HttpContext?.User.FindFirst(ClaimNames.Name)?.Value?.Trim();
        session.Store(new StaffCommunityFile
        {
            Id = context.UserId,
            Role = context.Role,
            Name = string.IsNullOrEmpty(name) ? null : name[..Math.Min(name.Length, MaxNameLength)],
            LastSeenAt = clock.GetUtcNow(),
        });
    }
}
