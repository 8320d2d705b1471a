using BonSecours.Modules.Residents.Features.ChangeAccessibilityPreferences;
using BonSecours.Modules.Residents.Features.ChangeFlatDetails;
using BonSecours.Modules.Residents.Features.ChangePersonalDetails;
using BonSecours.Modules.Residents.Features.GetResident;
using BonSecours.Modules.Residents.Features.ImportTenancyFile;
using BonSecours.Modules.Residents.Features.LendTablet;
using BonSecours.Modules.Residents.Features.LinkCaregiver;
using BonSecours.Modules.Residents.Features.ListHouseholds;
using BonSecours.Modules.Residents.Features.ListFlats;
using BonSecours.Modules.Residents.Features.ListMyResidents;
using BonSecours.Modules.Residents.Features.ListResidents;
using BonSecours.Modules.Residents.Features.MoveResidentIn;
using BonSecours.Modules.Residents.Features.MoveResidentOut;
using BonSecours.Modules.Residents.Features.PairTablet;
using BonSecours.Modules.Residents.Features.RecordTrainingSession;
using BonSecours.Modules.Residents.Features.RegisterCaregiver;
using BonSecours.Modules.Residents.Features.RegisterFlat;
using BonSecours.Modules.Residents.Features.RegisterResidence;
using BonSecours.Modules.Residents.Features.RegisterResident;
using BonSecours.Modules.Residents.Features.ResidentHistory;
using BonSecours.Modules.Residents.Features.WithdrawConsent;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.Residents.Infrastructure;

internal static class ResidentsEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        RegisterResidenceEndpoint.Map(api);
        GetResidenceEndpoint.Map(api);
        RegisterFlatEndpoint.Map(api);
        ChangeFlatDetailsEndpoint.Map(api);
        ListFlatsEndpoint.Map(api);
        ListHouseholdsEndpoint.Map(api);
        RegisterResidentEndpoint.Map(api);
        GetResidentEndpoint.Map(api);
        ListResidentsEndpoint.Map(api);
        MoveResidentInEndpoint.Map(api);
        MoveResidentOutEndpoint.Map(api);
        ChangePersonalDetailsEndpoint.Map(api);
        ChangeAccessibilityPreferencesEndpoint.Map(api);
        LendTabletEndpoint.Map(api);
        StartTabletPairingEndpoint.Map(api);
        ResetTabletPinEndpoint.Map(api);
        PairTabletEndpoint.Map(api);
        SignInWithTabletEndpoint.Map(api);
        RegisterCaregiverEndpoint.Map(api);
        LinkCaregiverEndpoint.Map(api);
        WithdrawConsentEndpoint.Map(api);
        ListMyResidentsEndpoint.Map(api);
        RecordTrainingSessionEndpoint.Map(api);
        ResidentHistoryEndpoint.Map(api);
        ImportTenancyFileEndpoint.Map(api);
    }
}
