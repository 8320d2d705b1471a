using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.Residents.Features.RegisterCaregiver;

namespace BonSecours.Modules.Residents.Demo;

/// <summary>A demo sign-in the Host offers in Development, tied to a person of the demo population.</summary>
public sealed record DemoPerson(string Username, string DisplayName, string Role, string PersonId);

/// <summary>The demo population's accounts, for the Host's Development token endpoint.</summary>
public static class ResidentsDemo
{
    public const string FamilyCaregiverReference = "demo-famille";

    public static IEnumerable<DemoPerson> People(string residenceId)
    {
        foreach (var resident in DemoPopulation.Residents)
        {
            var id = DeterministicGuid.Create(residenceId, "resident", resident.TenancyReference);
            yield return new DemoPerson(resident.Username, $"{resident.FirstName} {resident.LastName}", Roles.Resident, id.ToString());
        }

        yield return new DemoPerson("famille", "Sophie Lefèvre", Roles.Caregiver, CaregiverIds.For(residenceId, FamilyCaregiverReference).ToString());
    }
}
