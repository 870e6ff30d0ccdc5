using Switchboard.Domain.Knowledge;

namespace Switchboard.Domain.Tests.Knowledge;

/// <summary>A contact center's FAQ in Italian and English, written so that words recur across articles as they do in real ones.</summary>
internal static class FaqCorpus
{
    public static IReadOnlyList<FaqDocument> Italian { get; } =
    [
        new("it-password", "Ho dimenticato la password",
            "Se il cliente ha dimenticato la password, inviagli il link di reimpostazione dalla pagina di accesso. "
            + "Il link scade dopo 24 ore: se è scaduto, invia un nuovo link. Non chiedere mai al cliente di dettare la password al telefono.",
            ["account", "security"], "it"),
        new("it-ordine", "Il mio ordine non è arrivato",
            "Prima di tutto verifica l'indirizzo di consegna e la data prevista mostrata nell'area clienti. "
            + "Se la data è passata da meno di due giorni, rassicura il cliente: i ritardi brevi sono frequenti nei periodi di alta stagione "
            + "e di solito si risolvono da soli senza bisogno di intervento. Se invece sono passati più di due giorni, apri una segnalazione "
            + "al corriere indicando il numero di tracciamento e avvisa il cliente che riceverà un aggiornamento entro 48 ore.",
            ["shipping", "orders"], "it"),
        new("it-rimborso", "Come richiedere un rimborso",
            "Il rimborso viene emesso sullo stesso metodo di pagamento usato per l'acquisto entro 14 giorni dalla ricezione del reso. "
            + "Per i prodotti digitali il rimborso è possibile solo se il contenuto non è stato scaricato.",
            ["billing", "refunds"], "it"),
        new("it-fattura", "Dove trovo la fattura",
            "Le fatture sono disponibili nell'area clienti, sezione Documenti, in formato PDF. "
            + "Per una fattura intestata a un'azienda il cliente deve indicare la partita IVA prima di completare l'acquisto.",
            ["Billing", "Invoices"], "it"),
        new("it-spedizione", "Tempi di spedizione",
            "La spedizione standard richiede da 3 a 5 giorni lavorativi; la spedizione espressa consegna il giorno successivo "
            + "se l'ordine è confermato entro le 12.",
            ["shipping"], "it"),
        new("it-indirizzo", "Cambiare l'indirizzo di consegna",
            "L'indirizzo si può modificare finché l'ordine non è stato affidato al corriere. Dopo la spedizione serve una richiesta di giacenza.",
            ["account", "shipping"], "it"),
        new("it-abbonamento", "Disdire l'abbonamento",
            "La disdetta ha effetto alla fine del periodo già pagato. Non è previsto alcun rimborso per il mese in corso.",
            ["billing", "account"], "it"),
        new("it-orari", "Orari del servizio clienti",
            "Il servizio clienti risponde dal lunedì al venerdì dalle 8 alle 20 e il sabato mattina fino alle 13.",
            ["contact"], "it"),
        new("it-pagamento", "Metodi di pagamento accettati",
            "Accettiamo carte di credito, bonifico bancario e contrassegno. Il contrassegno prevede un costo aggiuntivo di 3 euro.",
            ["billing"], "it"),
        new("it-bloccato", "Account bloccato",
            "Dopo cinque tentativi di accesso con password errata l'account viene bloccato per 30 minuti per proteggere il cliente.",
            ["account", "security"], "it"),
    ];

    public static IReadOnlyList<FaqDocument> English { get; } =
    [
        new("en-password", "Reset a forgotten password",
            "Send the customer the reset link from the sign-in page. The link expires after 24 hours. "
            + "Never ask a customer to read their password aloud over the phone.",
            ["account", "security"], "en"),
        new("en-order", "My order has not arrived",
            "If an order was shipped more than ten days ago and has still not arrived, open a claim with the courier "
            + "quoting the tracking number and tell the customer to expect an update within 48 hours.",
            ["shipping", "orders"], "en"),
        new("en-refund", "How to request a refund",
            "The refund goes back to the original payment method within 14 days of the return being received.",
            ["billing", "refunds"], "en"),
        new("en-invoice", "Where to find invoices",
            "Invoices are in the customer area under Documents, as PDF files. A company needs its VAT number on the invoice.",
            ["billing", "invoices"], "en"),
        new("en-shipping", "Shipping times",
            "Standard delivery takes 3 to 5 working days; express delivery arrives the next day when confirmed before noon.",
            ["shipping"], "en"),
        new("en-address", "Change a customer's delivery address",
            "The address can be changed until the parcel is handed to the courier.",
            ["account", "shipping"], "en"),
        new("en-subscription", "Cancel a subscription",
            "Cancellation takes effect at the end of the period already paid for. The current month is not refunded.",
            ["billing", "account"], "en"),
        new("en-hours", "Customer service opening hours",
            "The contact center answers calls from Monday to Friday, 8:00 to 20:00, and Saturday mornings until 13:00.",
            ["contact"], "en"),
        new("en-payment", "Accepted payment methods",
            "We accept credit cards, bank transfer and cash on delivery, which costs 3 euros more.",
            ["billing"], "en"),
        new("en-locked", "Locked account",
            "After five sign-in attempts with a wrong password the account is locked for 30 minutes.",
            ["account", "security"], "en"),
    ];

    public static IEnumerable<FaqDocument> All => Italian.Concat(English);
}
