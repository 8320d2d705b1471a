namespace BonSecours.Modules.Residents.Domain;

internal enum ResidentCategory
{
    Senior,
    YoungAdultWithDownSyndrome,
    Family,
    OtherTenant,
}

internal enum TextSize
{
    Normal,
    Large,
    ExtraLarge,
}

internal enum CaregiverKind
{
    /// <summary>A relative or friend who helps (proche aidant).</summary>
    Caregiver,

    /// <summary>A professional such as an educator or social worker (référent).</summary>
    Referent,
}

/// <summary>How the resident expressed the consent that was recorded.</summary>
internal enum ConsentMethod
{
    InPerson,
    SignedForm,
    OnTablet,
    ThroughLegalRepresentative,
}

internal sealed record AccessibilityPreferences(TextSize TextSize, bool HighContrast, bool EasyRead, bool ReadAloud)
{
    public static readonly AccessibilityPreferences Default = new(TextSize.Normal, false, false, false);
}
