namespace Switchboard.Api.Demo;

/// <summary>A person of the demo's agent roster; <see cref="Skills"/> maps each queue it works to its skill level.</summary>
internal sealed record DemoAgentProfile(string Id, string DisplayName, string Group, IReadOnlyDictionary<string, int> Skills);

/// <summary>A demo queue: its medium, routing and the transaction codes its agents wrap up with.</summary>
internal sealed record DemoQueue(string Id, string Name, string Media, string Strategy, IReadOnlyList<string> TransactionCodes);

/// <summary>A CRM customer of the demo: how it calls and writes, and the case it has open (if any).</summary>
internal sealed record DemoCustomer(string Id, string Name, string Phone, string Email, string? Company, string Language, string? OpenCase);

/// <summary>A knowledge-base article of the demo.</summary>
internal sealed record DemoFaq(string Id, string Title, string Body, string Link, IReadOnlyList<string> Tags, string Language);

/// <summary>What an email of a simulated customer says.</summary>
internal sealed record DemoEmail(string Subject, string Body, string Language);

/// <summary>
/// The demo's content: an Italian contact center (Europe/Rome) with a support and a sales team, Italian and English
/// customers. The human agent is the senior one (highest skill), so she is offered work first whenever she is Available.
/// </summary>
internal static class DemoCatalog
{
    public const string TenantName = "Switchboard Demo";
    public const string TimeZone = "Europe/Rome";
    public const string HumanAgentId = "giulia";
    public const string MailboxId = "assistenza";
    public const string MailboxAddress = "assistenza@demo.switchboard.example";
    public const string SupportNumber = "+390612345600";
    public const string SalesNumber = "+390612345700";

    public const string SupportQueue = "support";
    public const string SalesQueue = "sales";
    public const string ChatQueue = "chat";
    public const string EmailQueue = "email";
    public const string VoicemailQueue = "voicemail";

    /// <summary>The coffee break the simulated agents take now and then.</summary>
    public const string CoffeeCode = "coffee";

    public static IReadOnlyList<(string Code, string Label, string[] States)> StatusCodes { get; } =
    [
        (CoffeeCode, "Caffè", ["Break"]),
        ("training", "Formazione", ["Break"]),
        ("lunch", "Pranzo", ["Break"]),
        ("back-office", "Back office", ["Offline"]),
    ];

    public static IReadOnlyList<(string Code, string Label)> TransactionCodes { get; } =
    [
        ("sale", "Vendita"),
        ("no-sale", "Nessuna vendita"),
        ("information", "Informazioni"),
        ("complaint", "Reclamo"),
        ("call-back", "Da richiamare"),
        ("resolved", "Risolto"),
        ("technical", "Guasto tecnico"),
    ];

    public static IReadOnlyList<DemoQueue> Queues { get; } =
    [
        new(SupportQueue, "Assistenza clienti", "voice", "skill-level", ["information", "technical", "complaint", "resolved", "call-back"]),
        new(SalesQueue, "Vendite", "voice", "longest-idle", ["sale", "no-sale", "information", "call-back"]),
        new(ChatQueue, "Chat sito web", "chat", "skill-level", ["information", "technical", "resolved", "sale"]),
        new(EmailQueue, "Email assistenza", "email", "skill-level", ["information", "complaint", "resolved"]),
        new(VoicemailQueue, "Segreteria", "voicemail", "skill-level", ["call-back", "resolved", "information"]),
    ];

    public static DemoAgentProfile HumanAgent { get; } = new(HumanAgentId, "Giulia Bianchi", "support",
        new Dictionary<string, int> { [SupportQueue] = 10, [ChatQueue] = 10, [EmailQueue] = 10, [VoicemailQueue] = 10 });

    public static IReadOnlyList<DemoAgentProfile> SimulatedAgents { get; } =
    [
        new("marco", "Marco Rossi", "support", new Dictionary<string, int> { [SupportQueue] = 7, [ChatQueue] = 6, [VoicemailQueue] = 5 }),
        new("sara", "Sara Colombo", "support", new Dictionary<string, int> { [SupportQueue] = 6, [ChatQueue] = 7, [EmailQueue] = 6 }),
        new("luca", "Luca Ferrari", "support", new Dictionary<string, int> { [SupportQueue] = 5, [EmailQueue] = 7, [VoicemailQueue] = 4 }),
        new("paolo", "Paolo Esposito", "sales", new Dictionary<string, int> { [SalesQueue] = 8, [VoicemailQueue] = 6 }),
        new("elena", "Elena Ricci", "sales", new Dictionary<string, int> { [SalesQueue] = 7, [ChatQueue] = 5 }),
        new("davide", "Davide Romano", "sales", new Dictionary<string, int> { [SalesQueue] = 6, [EmailQueue] = 5, [SupportQueue] = 3 }),
    ];

    public static IReadOnlyList<DemoCustomer> Customers { get; } =
    [
        new("maria-rossi", "Maria Rossi", "+390212345678", "maria.rossi@example.com", null, "it", "Ordine 10482 non ancora consegnato"),
        new("giuseppe-verdi", "Giuseppe Verdi", "+393331234567", "giuseppe.verdi@example.com", "Verdi Arredamenti", "it", "Fattura di ottobre da correggere"),
        new("anna-conti", "Anna Conti", "+390649876543", "anna.conti@example.com", null, "it", null),
        new("francesca-galli", "Francesca Galli", "+393479876543", "francesca.galli@example.com", null, "it", "Modem che si disconnette la sera"),
        new("john-smith", "John Smith", "+442079460123", "john.smith@example.co.uk", "Smith & Co", "en", "Refund for a double charge"),
        new("laura-moretti", "Laura Moretti", "+390557654321", "laura.moretti@example.com", "Studio Moretti", "it", null),
        new("emily-clark", "Emily Clark", "+14155550123", "emily.clark@example.com", null, "en", "Delivery address change"),
    ];

    public static IReadOnlyList<DemoFaq> Faqs { get; } =
    [
        new("reset-password", "Ho dimenticato la password",
            "Apri la pagina di accesso e scegli 'Password dimenticata': ricevi via email un link per crearne una nuova, valido 24 ore.",
            "https://help.example/it/password", ["account"], "it"),
        new("tempi-consegna", "Tempi di consegna",
            "Gli ordini partono entro un giorno lavorativo e arrivano in 2-4 giorni in Italia. Il numero di tracciamento arriva via email alla spedizione.",
            "https://help.example/it/consegne", ["ordini", "spedizioni"], "it"),
        new("reso-rimborso", "Come fare un reso",
            "Hai 30 giorni per restituire un prodotto: dalla tua area clienti scegli l'ordine e 'Richiedi reso'. Il rimborso arriva entro 14 giorni dalla ricezione.",
            "https://help.example/it/resi", ["ordini", "rimborsi"], "it"),
        new("modem-riavvio", "Il modem si disconnette",
            "Spegni il modem per 30 secondi e riaccendilo. Se la spia 'Internet' resta rossa, controlla il cavo e chiamaci: apriamo una segnalazione tecnica.",
            "https://help.example/it/modem", ["tecnico"], "it"),
        new("reset-password-en", "I forgot my password",
            "Open the sign-in page and choose 'Forgot password': we email you a link to set a new one, valid for 24 hours.",
            "https://help.example/en/password", ["account"], "en"),
        new("delivery-times", "Delivery times",
            "Orders ship within one working day and arrive in 3-6 working days outside Italy. The tracking number is emailed when the parcel ships.",
            "https://help.example/en/delivery", ["orders", "shipping"], "en"),
        new("returns", "Returns and refunds",
            "You have 30 days to return a product: in your account pick the order and 'Request a return'. Refunds arrive within 14 days of receipt.",
            "https://help.example/en/returns", ["orders", "refunds"], "en"),
    ];

    public static IReadOnlyList<DemoEmail> Emails { get; } =
    [
        new("Ordine non ricevuto", "Buongiorno,\nho ordinato una settimana fa ma non ho ancora ricevuto nulla. Potete dirmi dove si trova il pacco?\nGrazie", "it"),
        new("Richiesta fattura", "Salve,\navrei bisogno della fattura dell'ultimo acquisto intestata alla mia azienda. Come posso ottenerla?\nCordiali saluti", "it"),
        new("Prodotto difettoso", "Buongiorno,\nil prodotto che ho ricevuto non si accende. Vorrei sostituirlo o avere un rimborso.\nGrazie", "it"),
        new("Cambio indirizzo", "Salve,\nmi sono trasferito: potete aggiornare l'indirizzo di consegna del mio abbonamento?\nGrazie mille", "it"),
        new("Question about my order", "Hello,\nmy order shows as shipped but the tracking link does not work. Could you check it for me?\nThanks", "en"),
        new("Double charge", "Hi,\nI was charged twice for the same order. Please refund one of the payments.\nBest regards", "en"),
    ];

    /// <summary>A simulated agent's answer to an email, signed with its name.</summary>
    public static string EmailReply(string agentName) =>
        $"Gentile cliente,\n\nla ringraziamo per il messaggio: abbiamo verificato la sua richiesta e la pratica è in lavorazione. " +
        $"Le scriveremo appena avremo novità.\n\nCordiali saluti,\n{agentName}\nServizio clienti";

    public static IReadOnlyList<string> FirstChatLinesIt { get; } =
    [
        "Buongiorno, non riesco ad accedere al mio account.",
        "Salve, quando arriva il mio ordine?",
        "Ciao, vorrei restituire un prodotto.",
        "Buonasera, il modem continua a disconnettersi.",
        "Salve, vorrei informazioni sulle offerte in corso.",
    ];

    public static IReadOnlyList<string> FirstChatLinesEn { get; } =
    [
        "Hi, I can't sign in to my account.",
        "Hello, when will my order arrive?",
        "Hi, I'd like to return an item.",
    ];

    public static IReadOnlyList<string> CustomerRepliesIt { get; } =
    [
        "Sì, il numero d'ordine è 10482.",
        "Ok, ho capito. E quanto tempo ci vuole?",
        "Perfetto, provo subito.",
        "Grazie mille, molto gentile!",
        "Va bene, attendo allora.",
        "Ho provato ma non funziona ancora.",
    ];

    public static IReadOnlyList<string> CustomerRepliesEn { get; } =
    [
        "Yes, the order number is 10482.",
        "OK, got it. How long does it take?",
        "Great, I'll try that now.",
        "Thank you so much!",
    ];

    public static IReadOnlyList<string> AgentAnswersIt { get; } =
    [
        "Controllo subito, un attimo per favore.",
        "Ho verificato: è tutto in ordine, riceverà una conferma via email.",
        "Capisco, le spiego come fare.",
        "Certo, ci penso io.",
    ];

    public static IReadOnlyList<string> AgentAnswersEn { get; } =
    [
        "Let me check that for you, one moment please.",
        "I've checked: everything is in order, you'll get a confirmation email.",
        "I see, let me explain how to do it.",
    ];

    public static IReadOnlyList<string> EnglishFaqIds { get; } = ["reset-password-en", "delivery-times", "returns"];

    public static IReadOnlyList<string> ItalianFaqIds { get; } = ["reset-password", "tempi-consegna", "reso-rimborso", "modem-riavvio"];

    public static string Greeting(string agentName, bool english) =>
        english ? $"Hello, this is {agentName}. How can I help you?" : $"Buongiorno, sono {agentName}. Come posso aiutarla?";

    public static string Goodbye(bool english) =>
        english ? "Thank you for contacting us. Have a nice day!" : "Grazie per averci contattato, buona giornata!";

    public static IReadOnlyList<string> CodesOf(string? queueId) =>
        Queues.FirstOrDefault(q => q.Id == queueId)?.TransactionCodes ?? [];
}
