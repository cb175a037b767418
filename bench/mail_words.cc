#include "bench/mail_words.h"

namespace tonewatch::bench::words {
namespace {

Lang English() {
  return Lang{
      .code = "en",
      .content_language = "en-US",
      .latin1 = true,
      .wd_short = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
      .wd_long = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
      .mon_short = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                    "Dec"},
      .mon_long = {"January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December"},
      .gmail_attribution = "On {wd}, {mon} {d}, {y} at {h12}:{MM} {AP} {name} <{email}> wrote:",
      .client_attribution = "On {dd}/{mm}/{y} {HH}:{MM}, {name} wrote:",
      .outlook_date = "{WD}, {MON} {d}, {y} {h12}:{MM} {AP}",
      .gmail_forward_date = "{wd}, {mon} {d}, {y} at {h12}:{MM} {AP}",
      .original_message = "-----Original Message-----",
      .l_from = "From:",
      .l_sent = "Sent:",
      .l_to = "To:",
      .l_cc = "Cc:",
      .l_subject = "Subject:",
      .l_date = "Date:",
      .re_gmail = "Re: ",
      .re_outlook = "RE: ",
      .fw_gmail = "Fwd: ",
      .fw_outlook = "FW: ",
      .forwarded = "---------- Forwarded message ---------",
      .sent_from_phone = "Sent from my iPhone",
      .money = "${units}.00",
      .thousands = ',',
      .greetings = {"Hi {first},", "Hello {first},", "Dear {first},", "{first},",
                    "Good morning {first},", "Hi {first}", "Morning {first},"},
      .greetings_all = {"Hi all,", "Hi team,", "Hello everyone,", "All,"},
      .openers =
          {
              "Thanks for getting back to me so quickly.",
              "Following up on our call this morning.",
              "Hope you had a good weekend.",
              "Thanks for the update.",
              "Just checking in on this.",
              "Thanks for the quick reply.",
              "Sorry for the slow response, I was out of the office yesterday.",
              "Adding {colleague} to the thread.",
              "Quick follow-up on the item below.",
              "Thanks for your email.",
              "I hope this finds you well.",
              "Thanks for flagging this.",
          },
      .info =
          {
              "The revised schedule moves the go-live to {day}, with the data freeze two days "
              "before.",
              "I have attached the updated statement of work with the changes we discussed.",
              "Our warehouse team confirmed that order {n} left the depot this morning.",
              "The invoice total should be {amount}, not the figure on the draft you received.",
              "We ran the export again last night and the row counts now match your numbers.",
              "The training sessions are booked for {day} and the following Thursday, both at "
              "10:00.",
              "Your account now has the twelve additional licenses, and the new users can sign in "
              "today.",
              "The outage on {day} night lasted about forty minutes and affected the reporting "
              "service only.",
              "I spoke with our finance team and the credit note for {amount} is being issued this "
              "week.",
              "The migration of the archive is about two thirds done and on track for the weekend.",
              "The steering group agreed to keep the current scope and revisit the mobile work "
              "next "
              "quarter.",
              "Attached are the minutes from today's meeting, including the open actions for both "
              "teams.",
              "The carrier has updated the tracking page and now shows delivery for {day} "
              "afternoon.",
              "The test environment is available again after the maintenance window.",
              "Ticket {n} has been assigned to our second-line team, who will contact you "
              "directly.",
              "The contract renewal keeps the same terms, apart from the indexation clause in "
              "section 4.",
              "Our audit found three accounts that still have the old permissions, and we are "
              "removing them today.",
              "The dashboard now refreshes every fifteen minutes instead of once an hour.",
              "We have added the new cost centres to the billing report as you asked.",
              "The pilot group sent back mostly positive feedback, with a few questions about the "
              "export format.",
              "I checked the logs and the failed uploads all came from the same gateway.",
              "The replacement parts are in stock and can ship on {day}.",
              "We moved the review to the small meeting room on the second floor.",
              "The quote for the additional storage comes to {amount} per year.",
              "Both sites are now on the new firmware and the alarms have stopped.",
              "Our legal team has reviewed the data processing addendum and has no further "
              "comments.",
              "The numbers for the third quarter are in the shared folder, under Reports.",
              "Thanks for the update on the migration, the new dashboard looks great.",
              "The backlog is down to {n2} open items, most of them minor.",
              "We can support the extra volume in December if we get the forecast by the end of "
              "the month.",
              "The meeting notes are attached; see you at the review on {day}.",
              "The new pricing applies from the first of next month and is in the attached sheet.",
              "I have updated the shared plan with the dates we agreed on the call.",
              "The root cause was an expired certificate on the load balancer, which we have "
              "renewed.",
              "Order {n} was split into two deliveries because one item was on back order.",
          },
      .requests =
          {
              "Could you send over the revised quote when you have a moment?",
              "Can you confirm the delivery address for the second shipment?",
              "Would {day} at 2pm work for a short call?",
              "Could you share the error message your team sees when the upload fails?",
              "Please let us know which of the two options you prefer.",
              "Can you check whether the purchase order number is on the invoice?",
              "Could you add {colleague} to the distribution list for the weekly report?",
              "Would it be possible to move the workshop to the following week?",
              "Please send the signed copy back by {day} so we can start the onboarding.",
              "Can you tell me who on your side owns the integration now?",
              "Could you resend the file? The link in your last message has expired.",
              "Please review the attached plan and flag anything that looks wrong.",
              "Can we get read access to the staging data before the workshop?",
              "Could you confirm the number of users for the renewal?",
              "Let me know if you have any questions about the rollout plan.",
              "Could you let me know when the credit note for {amount} has been processed?",
          },
      .heated =
          {
              "You never sent the report you promised last Tuesday.",
              "This is the third time I am asking for the same invoice correction.",
              "Per my last email, the deadline was {day} and nothing has arrived.",
              "Your team dropped the ball on the release and we lost a whole day.",
              "If this is not fixed by Monday we will have to escalate to your manager.",
              "Frankly this is UNACCEPTABLE and a complete waste of our time!!!",
              "We are still waiting for a reply, please respond ASAP.",
              "With all due respect, you clearly didn't read the specification.",
              "I have been patient, but this delay is costing us real money.",
              "Nobody on your side seems to know who is responsible for this.",
              "We were promised a fix two weeks ago and we still have nothing.",
              "You keep telling us it is on track, and every week it slips again.",
              "I should not have to chase your team for basic status updates.",
              "If we don't hear back by end of day, we will look at other suppliers.",
              "As I said in my previous three emails, the invoice is wrong.",
              "Why did you close the ticket without asking us first?",
              "This is simply not good enough for a service we pay {amount} a month for.",
              "I am extremely disappointed with how this has been handled.",
              "Your support desk hung up on my colleague, which is completely unprofessional.",
              "Do you actually read our emails before replying?",
              "I'm not sure how many more times I need to explain this.",
              "We expect a full refund for the days the system was down.",
              "Just a friendly reminder that we are STILL waiting on this.",
              "Once again, the numbers in your report don't add up.",
              "Please stop sending us the same template answer.",
              "This is your last chance to sort this out before we involve our lawyers.",
              "You promised it would be done by Friday. It wasn't.",
              "Going forward, please copy my manager on every message about this.",
              "I'm frustrated that we keep having the same conversation.",
              "Any update? It has been a week.",
          },
      .repair =
          {
              "I'm sorry for the delay, and I understand how frustrating this has been.",
              "You're right that we should have told you sooner, and I apologize for that.",
              "Here is what happens next: our engineer will call you before noon with the fix "
              "plan.",
              "I have asked our finance team to correct the invoice today, and I will send you the "
              "new copy myself.",
              "Could we set up a quick call today to go through this together?",
              "Thanks for your patience while we looked into this.",
              "I've taken ownership of this ticket and will update you every morning until it is "
              "closed.",
              "I understand the impact this has on your team, and it is our top priority.",
              "Sorry for the confusion, here is what I will do next.",
              "I appreciate you raising this, and I want to make sure we get it right.",
              "We have found the cause and a fix is being tested now.",
              "I will follow up with the carrier myself and confirm the new date by {day}.",
              "Happy to jump on a call tomorrow to walk through the options.",
              "I understand the delay and I appreciate your patience with us.",
              "I've copied my manager, {colleague}, so we can move faster on this.",
              "Let me check with the team and come back to you by the end of the day.",
          },
      .closers = {"Let me know if you have any questions.", "Thanks in advance.",
                  "Looking forward to hearing from you.", "Talk soon.", "Have a good weekend.",
                  "Let me know if anything is unclear.", "Thanks again for your help.",
                  "Happy to discuss.", "Speak tomorrow."},
      .signoffs = {"Best regards,", "Kind regards,", "Thanks,", "Cheers,", "Regards,", "Best,",
                   "Many thanks,", "Thank you,"},
      .short_replies = {"Thanks, received.", "Will do.", "Sounds good, see you then.",
                        "Noted, thanks.", "Great, thank you!", "Perfect, that works for us.",
                        "Confirmed.", "Thanks, I'll take a look today.", "Got it, thanks.",
                        "Yes, {day} works."},
      .topics = {"Invoice {n} correction", "Q3 rollout plan",
                 "Delayed shipment to the Leeds warehouse", "Access to the reporting dashboard",
                 "Contract renewal terms", "Outage on Tuesday night",
                 "Onboarding schedule for the new team", "Data export for the audit",
                 "Change request CR-{n}", "Missing items in order {n}", "Migration weekend",
                 "SLA report for last month", "Training session dates",
                 "Pricing for the additional licenses", "Follow-up from the steering meeting",
                 "Ticket {n}: uploads failing", "Quote for extra storage",
                 "Project kickoff next week"},
      .titles = {"Account Manager", "Operations Lead", "Head of Procurement", "IT Service Manager",
                 "Finance Controller", "Project Coordinator", "Customer Success Manager",
                 "Logistics Supervisor", "Director of Operations", "Purchasing Officer"},
      .first_names = {"Alex",   "Jordan", "Morgan", "Taylor", "Chris",   "Pat",    "Jamie",
                      "Robin",  "Casey",  "Avery",  "Emily",  "Michael", "Sarah",  "David",
                      "Laura",  "Kevin",  "Rachel", "Brian",  "Megan",   "Steven", "Olivia",
                      "Daniel", "Hannah", "Nathan", "Fiona",  "Gareth",  "Imogen", "Callum"},
      .last_names = {"Carter", "Nguyen",   "Patel",   "Brooks",  "Hughes", "Murphy", "Sullivan",
                     "Reyes",  "Foster",   "Bennett", "Coleman", "Hayes",  "Price",  "Ward",
                     "Kim",    "Fraser",   "O'Neill", "Donovan", "Okoro",  "Tanaka", "Morales",
                     "Walsh",  "Lindgren", "Ellison", "Marsh",   "Pryce",  "Doyle"},
      .companies = {},
      .cities = {"Bristol", "Leeds", "Manchester", "Glasgow", "Cardiff", "York", "Norwich"},
      .footers =
          {
              "CONFIDENTIALITY NOTICE: The information in this message, including any "
              "attachments, may be privileged and is intended only for the addressee. If you have "
              "received this communication in error, please notify the sender and delete it from "
              "your system. Any review, distribution or copying by anyone else is strictly "
              "prohibited.",
              "This email and any attachments are confidential and meant only for the person or "
              "organisation it is addressed to. If you are not the intended recipient, you must "
              "not read, copy, use or disclose it; please tell the sender by return email and "
              "delete it. {company} accepts no liability for changes made to this message after "
              "it was sent.",
              "{company} is a company registered in England and Wales with number {regno}. "
              "Registered office: 14 Harbour Street, {city}. This e-mail is confidential. If you "
              "are not the intended recipient, please contact the sender and delete this e-mail; "
              "any use of it is strictly prohibited.",
              "DISCLAIMER: This message is for the named recipient only and may contain "
              "confidential material. If you are not the intended recipient, any disclosure, "
              "copying or distribution of it is strictly prohibited; please let us know and "
              "delete it. Views expressed here are the author's and not necessarily those of "
              "{company}.",
          },
  };
}

Lang German() {
  return Lang{
      .code = "de",
      .content_language = "de-DE",
      .latin1 = true,
      .wd_short = {"So.", "Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa."},
      .wd_long = {"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"},
      .mon_short = {"Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.",
                    "Nov.", "Dez."},
      .mon_long = {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                   "September", "Oktober", "November", "Dezember"},
      .gmail_attribution = "Am {wd}, {d}. {mon} {y} um {HH}:{MM} Uhr schrieb {name} <{email}>:",
      .client_attribution = "Am {dd}.{mm}.{y} um {HH}:{MM} schrieb {name}:",
      .outlook_date = "{WD}, {d}. {MON} {y} {HH}:{MM}",
      .gmail_forward_date = "{wd}, {d}. {mon} {y} um {HH}:{MM} Uhr",
      .original_message = "-----Ursprüngliche Nachricht-----",
      .l_from = "Von:",
      .l_sent = "Gesendet:",
      .l_to = "An:",
      .l_cc = "Cc:",
      .l_subject = "Betreff:",
      .l_date = "Date:",
      .re_gmail = "Re: ",
      .re_outlook = "AW: ",
      .fw_gmail = "Fwd: ",
      .fw_outlook = "WG: ",
      .forwarded = "---------- Weitergeleitete Nachricht ---------",
      .sent_from_phone = "Von meinem iPhone gesendet",
      .money = "{units},00 EUR",
      .thousands = '.',
      .greetings = {"Hallo {first},", "Guten Tag {first},", "Moin {first},"},
      .greetings_all = {"Sehr geehrte Damen und Herren,", "Hallo zusammen,"},
      .openers = {"Vielen Dank für Ihre schnelle Rückmeldung.",
                  "Ich melde mich wegen unseres Telefonats von heute früh."},
      .info =
          {
              "Die überarbeitete Planung verschiebt den Start auf {day}.",
              "Im Anhang finden Sie die aktualisierte Übersicht zu Auftrag {n}.",
              "Unser Lager hat bestätigt, dass die Lieferung heute früh rausgegangen ist.",
              "Die Rechnung müsste {amount} betragen, nicht den Betrag aus dem Entwurf.",
              "Die Schulungen sind für {day} um 10 Uhr geplant.",
              "Wir haben die Zugänge für die neuen Kollegen gestern freigeschaltet.",
          },
      .requests =
          {
              "Könnten Sie mir bitte bis {day} ein aktualisiertes Angebot schicken?",
              "Können Sie die Lieferadresse für die zweite Sendung bestätigen?",
              "Würde Ihnen {day} um 14 Uhr für ein kurzes Telefonat passen?",
              "Bitte prüfen Sie, ob die Bestellnummer auf der Rechnung steht.",
          },
      .heated =
          {
              "Das ist jetzt schon das dritte Mal, dass ich wegen derselben Rechnung nachfrage.",
              "Wir warten immer noch auf eine Antwort, und die Frist ist längst überschritten.",
              "Ehrlich gesagt ist das völlig inakzeptabel.",
              "Wenn das bis Montag nicht gelöst ist, wenden wir uns an Ihre Geschäftsführung.",
              "Ihre Mitarbeiter haben uns schon zweimal etwas zugesagt, das nie eingehalten wurde.",
              "Ich verstehe nicht, warum wir jede Woche dieselbe Diskussion führen müssen.",
          },
      .repair = {"Entschuldigen Sie bitte die Verzögerung.",
                 "Ich kümmere mich persönlich darum und melde mich morgen früh.",
                 "Können wir heute kurz telefonieren?"},
      .closers = {"Vielen Dank im Voraus.", "Bei Fragen melden Sie sich gerne."},
      .signoffs = {"Mit freundlichen Grüßen", "Viele Grüße", "Beste Grüße"},
      .short_replies = {"Danke, ist angekommen.", "Passt, bis dann.", "Erledigt."},
      .topics = {"Lieferverzögerung bei Auftrag {n}", "Rechnung {n} - Korrektur",
                 "Angebot für zusätzliche Lizenzen", "Zugang zum Berichtsportal",
                 "Änderungsantrag {n}", "Schulungstermine im Überblick"},
      .titles = {"Leiterin Einkauf", "Projektleiter", "Teamleitung Logistik",
                 "Kaufmännische Leitung"},
      .first_names = {"Jürgen", "Anke", "Matthias", "Sabine", "Jörg", "Käthe", "Uwe", "Birgit",
                      "Stefan", "Heike", "Sören", "Bärbel"},
      .last_names = {"Müller", "Schäfer", "Weiß", "Groß", "Bäcker", "Köhler", "Hoffmann", "Krüger",
                     "Schröder", "Vogel", "Jäger", "Wagner"},
      .companies = {"Bergmann Logistik GmbH", "Hofmann & Söhne KG", "Lindenhof Versand GmbH",
                    "Rheinblick Energie AG", "Südhang Maschinenbau GmbH"},
      .cities = {"Hamburg", "Köln", "München", "Düsseldorf", "Nürnberg"},
      .footers = {"Diese E-Mail kann vertrauliche Informationen enthalten und richtet sich nur an "
                  "den genannten Empfänger. Sollten Sie nicht der beabsichtigte Empfänger sein "
                  "oder diese Nachricht irrtümlich erhalten haben, informieren Sie bitte den "
                  "Absender und löschen Sie die E-Mail. Jede unbefugte Weitergabe oder "
                  "Vervielfältigung ist untersagt.\n{company}, Sitz: {city}, Registergericht: "
                  "Amtsgericht {city}, HRB {regno}"},
  };
}

Lang French() {
  return Lang{
      .code = "fr",
      .content_language = "fr-FR",
      .latin1 = true,
      .wd_short = {"dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."},
      .wd_long = {"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"},
      .mon_short = {"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.",
                    "oct.", "nov.", "déc."},
      .mon_long = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                   "septembre", "octobre", "novembre", "décembre"},
      .gmail_attribution = "Le {wd} {d} {mon} {y} à {HH}:{MM}, {name} <{email}> a écrit :",
      .client_attribution = "Le {dd}/{mm}/{y} à {HH}:{MM}, {name} a écrit :",
      .outlook_date = "{WD} {d} {MON} {y} {HH}:{MM}",
      .gmail_forward_date = "{wd} {d} {mon} {y} à {HH}:{MM}",
      .original_message = "-----Message d'origine-----",
      .l_from = "De :",
      .l_sent = "Envoyé :",
      .l_to = "À :",
      .l_cc = "Cc :",
      .l_subject = "Objet :",
      .l_date = "Date:",
      .re_gmail = "Re: ",
      .re_outlook = "RE : ",
      .fw_gmail = "Fwd: ",
      .fw_outlook = "TR : ",
      .forwarded = "---------- Message transféré ---------",
      .sent_from_phone = "Envoyé de mon iPhone",
      .money = "{units},00 EUR",
      .thousands = ' ',
      .greetings = {"Bonjour {first},", "Chère {first},", "Bonjour {first}"},
      .greetings_all = {"Bonjour à tous,", "Madame, Monsieur,"},
      .openers = {"Merci pour votre retour rapide.", "Je reviens vers vous suite à notre appel."},
      .info =
          {
              "Le nouveau planning décale la mise en production à {day}.",
              "Vous trouverez ci-joint le récapitulatif mis à jour de la commande {n}.",
              "Notre entrepôt a confirmé que la livraison est partie ce matin.",
              "Le montant de la facture devrait être de {amount} et non celui du brouillon.",
              "Les sessions de formation sont prévues {day} à 10 h.",
              "Les accès des nouveaux collègues ont été créés hier.",
          },
      .requests =
          {
              "Pourriez-vous m'envoyer le devis révisé avant {day} ?",
              "Pouvez-vous confirmer l'adresse de livraison du deuxième envoi ?",
              "Seriez-vous disponible {day} à 14 h pour un court appel ?",
              "Merci de vérifier que le numéro de commande figure bien sur la facture.",
          },
      .heated =
          {
              "C'est la troisième fois que je relance pour la même facture.",
              "Nous attendons toujours une réponse et le délai est dépassé depuis longtemps.",
              "Franchement, c'est inacceptable.",
              "Si ce n'est pas réglé d'ici lundi, nous devrons en parler à votre direction.",
              "Vos équipes nous ont déjà promis une solution à deux reprises, sans suite.",
          },
      .repair = {"Veuillez nous excuser pour ce retard.",
                 "Je m'en occupe personnellement et je reviens vers vous demain matin.",
                 "Pouvons-nous en parler rapidement par téléphone aujourd'hui ?"},
      .closers = {"Merci d'avance.", "N'hésitez pas à me contacter pour toute question."},
      .signoffs = {"Cordialement,", "Bien à vous,", "Bien cordialement,"},
      .short_replies = {"Merci, bien reçu.", "Parfait, à bientôt.", "C'est noté."},
      .topics = {"Retard de livraison de la commande {n}", "Facture {n} : correction",
                 "Accès au tableau de bord", "Renouvellement du contrat", "Réunion de suivi"},
      .titles = {"Responsable des achats", "Chef de projet", "Directrice des opérations"},
      .first_names = {"François", "Hélène", "Amélie", "Gérard", "Céline", "Jérôme", "Élodie",
                      "Benoît", "Margaux", "Thibault"},
      .last_names = {"Lefèvre", "Dubois", "Girard", "Mercier", "Faure", "Rousseau", "Moreau",
                     "Lemaître", "Bérenger", "Chevalier"},
      .companies = {"Maison Lefèvre SARL", "Groupe Bellecour", "Atelier Rivière SA",
                    "Transports Fénelon"},
      .cities = {"Lyon", "Nantes", "Lille", "Bordeaux"},
      .footers = {"Ce message et ses pièces jointes sont confidentiels et réservés à leur "
                  "destinataire. Si vous n'êtes pas le destinataire prévu ou si vous l'avez reçu "
                  "par erreur, merci d'en avertir l'expéditeur et de le supprimer. Toute "
                  "utilisation, diffusion ou copie non autorisée est interdite."},
  };
}

Lang Spanish() {
  return Lang{
      .code = "es",
      .content_language = "es-ES",
      .latin1 = true,
      .wd_short = {"dom", "lun", "mar", "mié", "jue", "vie", "sáb"},
      .wd_long = {"domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"},
      .mon_short = {"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov",
                    "dic"},
      .mon_long = {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                   "septiembre", "octubre", "noviembre", "diciembre"},
      .gmail_attribution = "El {wd}, {d} {mon} {y} a las {H}:{MM}, {name} (<{email}>) escribió:",
      .client_attribution = "El {dd}/{mm}/{y} a las {HH}:{MM}, {name} escribió:",
      .outlook_date = "{WD}, {d} de {MON} de {y} {H}:{MM}",
      .gmail_forward_date = "{wd}, {d} {mon} {y} a las {H}:{MM}",
      .original_message = "-----Mensaje original-----",
      .l_from = "De:",
      .l_sent = "Enviado el:",
      .l_to = "Para:",
      .l_cc = "CC:",
      .l_subject = "Asunto:",
      .l_date = "Date:",
      .re_gmail = "Re: ",
      .re_outlook = "RE: ",
      .fw_gmail = "Fwd: ",
      .fw_outlook = "RV: ",
      .forwarded = "---------- Mensaje reenviado ---------",
      .sent_from_phone = "Enviado desde mi iPhone",
      .money = "{units},00 EUR",
      .thousands = '.',
      .greetings = {"Hola {first}:", "Buenos días, {first}:", "Hola, {first}:"},
      .greetings_all = {"Estimados señores:", "Hola a todos:"},
      .openers = {"Gracias por su rápida respuesta.", "Le escribo a raíz de nuestra llamada."},
      .info =
          {
              "El nuevo calendario retrasa la puesta en marcha hasta el {day}.",
              "Le adjunto el resumen actualizado del pedido {n}.",
              "Nuestro almacén confirmó que el envío salió esta mañana.",
              "El importe de la factura debería ser {amount}, no el del borrador.",
              "Las sesiones de formación están previstas para el {day} a las 10:00.",
          },
      .requests =
          {
              "¿Podría enviarme el presupuesto revisado antes del {day}?",
              "¿Puede confirmar la dirección de entrega del segundo envío?",
              "¿Le viene bien el {day} a las 14:00 para una llamada corta?",
          },
      .heated =
          {
              "Es la tercera vez que pregunto por la misma factura.",
              "Seguimos esperando una respuesta y el plazo venció hace tiempo.",
              "Sinceramente, esto es inaceptable.",
              "Si no se soluciona antes del lunes, tendremos que escalarlo a su dirección.",
              "Su equipo ya nos prometió una solución dos veces y no ha cumplido.",
          },
      .repair = {"Disculpe el retraso.",
                 "Me encargo personalmente y le escribo mañana a primera hora.",
                 "¿Podemos hablar hoy por teléfono?"},
      .closers = {"Gracias de antemano.", "Quedo a su disposición para cualquier consulta."},
      .signoffs = {"Un saludo,", "Saludos cordiales,", "Atentamente,"},
      .short_replies = {"Gracias, recibido.", "Perfecto, hasta entonces.", "Anotado."},
      .topics = {"Retraso en el pedido {n}", "Corrección de la factura {n}",
                 "Acceso al panel de informes", "Renovación del contrato"},
      .titles = {"Responsable de compras", "Jefa de proyecto", "Director de operaciones"},
      .first_names = {"José", "María", "Ángel", "Lucía", "Andrés", "Begoña", "Íñigo", "Nuria",
                      "Raúl", "Pilar"},
      .last_names = {"Muñoz", "Peña", "Ibáñez", "García", "Martínez", "Gómez", "Núñez", "Jiménez",
                     "Sánchez", "Ortega"},
      .companies = {"Distribuciones Peña S.L.", "Grupo Andaluz de Envíos",
                    "Logística Cantábrica S.A."},
      .cities = {"Sevilla", "Valencia", "Bilbao", "Zaragoza"},
      .footers = {"Este mensaje y sus anexos son confidenciales y se dirigen exclusivamente a su "
                  "destinatario. Si no es usted el destinatario previsto o lo ha recibido por "
                  "error, le rogamos que lo comunique al remitente y lo elimine. Queda prohibida "
                  "cualquier difusión o copia no autorizada."},
  };
}

Lang Swedish() {
  return Lang{
      .code = "sv",
      .content_language = "sv-SE",
      .latin1 = true,
      .wd_short = {"sön", "mån", "tis", "ons", "tors", "fre", "lör"},
      .wd_long = {"söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"},
      .mon_short = {"jan.", "feb.", "mars", "apr.", "maj", "juni", "juli", "aug.", "sep.", "okt.",
                    "nov.", "dec."},
      .mon_long = {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
                   "september", "oktober", "november", "december"},
      .gmail_attribution = "Den {wd} {d} {mon} {y} kl {HH}:{MM} skrev {name} <{email}>:",
      .client_attribution = "Den {y}-{mm}-{dd} kl. {HH}:{MM}, skrev {name}:",
      .outlook_date = "den {d} {MON} {y} {HH}:{MM}",
      .gmail_forward_date = "{wd} {d} {mon} {y} kl {HH}:{MM}",
      .original_message = "-----Ursprungligt meddelande-----",
      .l_from = "Från:",
      .l_sent = "Skickat:",
      .l_to = "Till:",
      .l_cc = "Kopia:",
      .l_subject = "Ämne:",
      .l_date = "Date:",
      .re_gmail = "Re: ",
      .re_outlook = "SV: ",
      .fw_gmail = "Fwd: ",
      .fw_outlook = "VB: ",
      .forwarded = "---------- Vidarebefordrat meddelande ---------",
      .sent_from_phone = "Skickat från min iPhone",
      .money = "{units} kr",
      .thousands = ' ',
      .greetings = {"Hej {first},", "Hej {first}!"},
      .greetings_all = {"Hej alla,", "Hej på er,"},
      .openers = {"Tack för ditt snabba svar.", "Jag återkommer angående vårt samtal i morse."},
      .info =
          {
              "Den nya planen flyttar driftstarten till {day}.",
              "Bifogat finns den uppdaterade sammanställningen för order {n}.",
              "Vårt lager har bekräftat att leveransen gick i väg i morse.",
              "Fakturan borde vara på {amount}, inte beloppet i utkastet.",
              "Utbildningen är bokad till {day} klockan 10.",
          },
      .requests = {"Kan du skicka den reviderade offerten före {day}?",
                   "Kan ni bekräfta leveransadressen för den andra sändningen?",
                   "Passar det med ett kort samtal på {day} klockan 14?"},
      .heated =
          {
              "Det här är tredje gången jag frågar om samma faktura.",
              "Vi väntar fortfarande på svar och tidsfristen har passerat för länge sedan.",
              "Ärligt talat är det här helt oacceptabelt.",
              "Om det inte är löst till måndag kommer vi att gå vidare till er ledning.",
          },
      .repair = {"Ursäkta förseningen.",
                 "Jag tar hand om det personligen och återkommer i morgon bitti.",
                 "Kan vi ta ett kort samtal i dag?"},
      .closers = {"Tack på förhand.", "Hör av dig om du har frågor."},
      .signoffs = {"Med vänliga hälsningar", "Vänliga hälsningar", "Hälsningar"},
      .short_replies = {"Tack, mottaget.", "Låter bra.", "Noterat."},
      .topics = {"Försenad leverans av order {n}", "Rättelse av faktura {n}",
                 "Åtkomst till rapportportalen", "Förnyelse av avtalet"},
      .titles = {"Inköpschef", "Projektledare", "Driftansvarig"},
      .first_names = {"Åsa", "Björn", "Märta", "Göran", "Linnéa", "Sören", "Ingrid", "Måns"},
      .last_names = {"Lindqvist", "Åberg", "Sjöberg", "Ekström", "Nyström", "Holm", "Bergqvist",
                     "Öberg"},
      .companies = {"Björkö Handel AB", "Ångström Fastigheter AB", "Norrsken Logistik AB"},
      .cities = {"Göteborg", "Malmö", "Uppsala", "Västerås"},
      .footers = {"Detta meddelande kan innehålla konfidentiell information och är endast avsett "
                  "för mottagaren. Om du inte är rätt mottagare eller har fått meddelandet av "
                  "misstag, meddela avsändaren och radera det. All obehörig spridning eller "
                  "kopiering är förbjuden."},
  };
}

Lang Portuguese() {
  return Lang{
      .code = "pt",
      .content_language = "pt-PT",
      .latin1 = true,
      .wd_short = {"dom.", "seg.", "ter.", "qua.", "qui.", "sex.", "sáb."},
      .wd_long = {"domingo", "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira",
                  "sexta-feira", "sábado"},
      .mon_short = {"jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.", "out.",
                    "nov.", "dez."},
      .mon_long = {"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
                   "setembro", "outubro", "novembro", "dezembro"},
      .gmail_attribution = "Em {wd}, {d} de {mon} de {y} às {HH}:{MM}, {name} <{email}> escreveu:",
      .client_attribution = "Em {dd}/{mm}/{y} {HH}:{MM}, {name} escreveu:",
      .outlook_date = "{WD}, {d} de {MON} de {y} {HH}:{MM}",
      .gmail_forward_date = "{wd}, {d} de {mon} de {y} às {HH}:{MM}",
      .original_message = "-----Mensagem original-----",
      .l_from = "De:",
      .l_sent = "Enviada em:",
      .l_to = "Para:",
      .l_cc = "Cc:",
      .l_subject = "Assunto:",
      .l_date = "Date:",
      .re_gmail = "Re: ",
      .re_outlook = "RE: ",
      .fw_gmail = "Fwd: ",
      .fw_outlook = "ENC: ",
      .forwarded = "---------- Mensagem encaminhada ---------",
      .sent_from_phone = "Enviado do meu iPhone",
      .money = "{units},00 EUR",
      .thousands = '.',
      .greetings = {"Olá {first},", "Bom dia, {first},", "Caro {first},"},
      .greetings_all = {"Prezados,", "Olá a todos,"},
      .openers = {"Obrigado pela resposta rápida.", "Na sequência da nossa chamada de hoje."},
      .info =
          {
              "O novo cronograma adia a entrada em produção uma semana.",
              "Segue em anexo o resumo atualizado da encomenda {n}.",
              "O nosso armazém confirmou que a entrega saiu esta manhã.",
              "O valor da fatura deveria ser {amount}, e não o do rascunho.",
          },
      .requests = {"Poderia enviar-me o orçamento revisto até ao fim da semana?",
                   "Pode confirmar a morada de entrega do segundo envio?",
                   "Seria possível uma chamada rápida amanhã às 14h?"},
      .heated =
          {
              "É a terceira vez que pergunto pela mesma fatura.",
              "Continuamos à espera de uma resposta e o prazo já passou há muito.",
              "Sinceramente, isto é inaceitável.",
              "Se não estiver resolvido até segunda-feira, teremos de falar com a vossa direção.",
          },
      .repair = {"Peço desculpa pelo atraso.",
                 "Vou tratar pessoalmente do assunto e volto a contactar amanhã de manhã.",
                 "Podemos falar hoje por telefone?"},
      .closers = {"Obrigado desde já.", "Fico ao dispor para qualquer esclarecimento."},
      .signoffs = {"Com os melhores cumprimentos,", "Cumprimentos,", "Atenciosamente,"},
      .short_replies = {"Obrigado, recebido.", "Combinado.", "Tomei nota."},
      .topics = {"Atraso na encomenda {n}", "Correção da fatura {n}", "Renovação do contrato"},
      .titles = {"Diretora de compras", "Gestor de projeto"},
      .first_names = {"João", "Conceição", "Inês", "Gonçalo", "Luís", "Sónia"},
      .last_names = {"Gonçalves", "Magalhães", "Simões", "Araújo", "Brandão", "Leitão"},
      .companies = {"Comércio Açoriano Lda.", "Transportes Ribeirão Lda."},
      .cities = {"Lisboa", "Porto", "Braga"},
      .footers = {"Esta mensagem e os seus anexos são confidenciais e destinam-se apenas ao "
                  "destinatário indicado. Se não for o destinatário pretendido ou a recebeu por "
                  "engano, informe o remetente e apague-a. É proibida qualquer divulgação ou "
                  "cópia não autorizada."},
  };
}

Lang Italian() {
  return Lang{
      .code = "it",
      .content_language = "it-IT",
      .latin1 = true,
      .wd_short = {"dom", "lun", "mar", "mer", "gio", "ven", "sab"},
      .wd_long = {"domenica", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato"},
      .mon_short = {"gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov",
                    "dic"},
      .mon_long = {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
                   "settembre", "ottobre", "novembre", "dicembre"},
      .gmail_attribution =
          "Il giorno {wd} {d} {mon} {y} alle ore {HH}:{MM} {name} <{email}> ha scritto:",
      .client_attribution = "Il {dd}/{mm}/{y} {HH}:{MM}, {name} ha scritto:",
      .outlook_date = "{WD} {d} {MON} {y} {HH}:{MM}",
      .gmail_forward_date = "{wd} {d} {mon} {y} alle ore {HH}:{MM}",
      .original_message = "-----Messaggio originale-----",
      .l_from = "Da:",
      .l_sent = "Inviato:",
      .l_to = "A:",
      .l_cc = "Cc:",
      .l_subject = "Oggetto:",
      .l_date = "Date:",
      .re_gmail = "Re: ",
      .re_outlook = "R: ",
      .fw_gmail = "Fwd: ",
      .fw_outlook = "I: ",
      .forwarded = "---------- Messaggio inoltrato ---------",
      .sent_from_phone = "Inviato da iPhone",
      .money = "{units},00 EUR",
      .thousands = '.',
      .greetings = {"Buongiorno {first},", "Ciao {first},", "Gentile {first},"},
      .greetings_all = {"Gentili signori,", "Ciao a tutti,"},
      .openers = {"Grazie per la risposta veloce.", "Le scrivo in seguito alla nostra telefonata."},
      .info =
          {
              "Il nuovo calendario sposta l'avvio a {day}.",
              "In allegato trova il riepilogo aggiornato dell'ordine {n}.",
              "Il nostro magazzino ha confermato che la spedizione è partita stamattina.",
              "L'importo della fattura dovrebbe essere {amount}, non quello della bozza.",
          },
      .requests = {"Potrebbe inviarmi il preventivo aggiornato entro {day}?",
                   "Può confermare l'indirizzo di consegna della seconda spedizione?",
                   "Le andrebbe bene una breve telefonata {day} alle 14?"},
      .heated =
          {
              "È la terza volta che chiedo della stessa fattura.",
              "Stiamo ancora aspettando una risposta e la scadenza è passata da un pezzo.",
              "Francamente è inaccettabile.",
              "Se non sarà risolto entro lunedì, dovremo coinvolgere la vostra direzione.",
          },
      .repair = {"Ci scusiamo per il ritardo.", "Me ne occupo personalmente e le scrivo domattina.",
                 "Possiamo sentirci oggi al telefono?"},
      .closers = {"Grazie in anticipo.", "Resto a disposizione per qualsiasi chiarimento."},
      .signoffs = {"Cordiali saluti,", "Un saluto,", "Distinti saluti,"},
      .short_replies = {"Grazie, ricevuto.", "Perfetto, a presto.", "Preso nota."},
      .topics = {"Ritardo nella consegna dell'ordine {n}", "Correzione fattura {n}",
                 "Rinnovo del contratto", "Accesso al portale dei report"},
      .titles = {"Responsabile acquisti", "Project manager", "Direttrice operativa"},
      .first_names = {"Niccolò", "Lucia", "Giacomo", "Federica", "Mattia", "Chiara"},
      .last_names = {"Bellini", "Ricci", "Marchetti", "Colombo", "Fabbri", "Santoro"},
      .companies = {"Trasporti Bellini S.r.l.", "Officine Città Alta S.p.A."},
      .cities = {"Bologna", "Torino", "Verona"},
      .footers = {"Questo messaggio e i suoi allegati sono riservati e destinati esclusivamente "
                  "al destinatario indicato. Se non è il destinatario previsto o lo ha ricevuto "
                  "per errore, la preghiamo di avvisare il mittente e di cancellarlo. È vietata "
                  "qualsiasi diffusione o copia non autorizzata."},
  };
}

Lang Dutch() {
  return Lang{
      .code = "nl",
      .content_language = "nl-NL",
      .latin1 = true,
      .wd_short = {"zo", "ma", "di", "wo", "do", "vr", "za"},
      .wd_long = {"zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"},
      .mon_short = {"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov",
                    "dec"},
      .mon_long = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                   "september", "oktober", "november", "december"},
      .gmail_attribution = "Op {wd} {d} {mon} {y} om {HH}:{MM} schreef {name} <{email}>:",
      .client_attribution = "Op {dd}-{mm}-{y} om {HH}:{MM} schreef {name}:",
      .outlook_date = "{WD} {d} {MON} {y} {HH}:{MM}",
      .gmail_forward_date = "{wd} {d} {mon} {y} om {HH}:{MM}",
      .original_message = "-----Oorspronkelijk bericht-----",
      .l_from = "Van:",
      .l_sent = "Verzonden:",
      .l_to = "Aan:",
      .l_cc = "CC:",
      .l_subject = "Onderwerp:",
      .l_date = "Date:",
      .re_gmail = "Re: ",
      .re_outlook = "RE: ",
      .fw_gmail = "Fwd: ",
      .fw_outlook = "FW: ",
      .forwarded = "---------- Doorgestuurd bericht ---------",
      .sent_from_phone = "Verstuurd vanaf mijn iPhone",
      .money = "{units},00 EUR",
      .thousands = '.',
      .greetings = {"Hallo {first},", "Beste {first},"},
      .greetings_all = {"Geachte heer, mevrouw,", "Hallo allemaal,"},
      .openers = {"Bedankt voor uw snelle reactie.",
                  "Naar aanleiding van ons gesprek van vanochtend."},
      .info =
          {
              "De nieuwe planning verschuift de livegang naar {day}.",
              "In de bijlage vindt u het bijgewerkte overzicht van order {n}.",
              "Ons magazijn heeft bevestigd dat de levering vanochtend is vertrokken.",
              "Het factuurbedrag zou {amount} moeten zijn, niet het bedrag uit het concept.",
              "Wij hebben één vraag over de financiële afspraken.",
          },
      .requests = {"Kunt u mij vóór {day} de herziene offerte sturen?",
                   "Kunt u het afleveradres voor de tweede zending bevestigen?"},
      .heated =
          {
              "Dit is al de derde keer dat ik naar dezelfde factuur vraag.",
              "We wachten nog steeds op een reactie en de deadline is allang verstreken.",
              "Eerlijk gezegd is dit onacceptabel.",
              "Als dit maandag niet is opgelost, stappen we naar uw directie.",
          },
      .repair = {"Excuses voor de vertraging.",
                 "Ik pak dit persoonlijk op en kom morgenochtend bij u terug.",
                 "Kunnen we vandaag even bellen?"},
      .closers = {"Alvast bedankt.", "Laat het gerust weten als u vragen heeft."},
      .signoffs = {"Met vriendelijke groet,", "Groeten,", "Hartelijke groet,"},
      .short_replies = {"Dank, ontvangen.", "Prima, tot dan.", "Genoteerd."},
      .topics = {"Vertraagde levering van order {n}", "Correctie factuur {n}",
                 "Verlenging van het contract"},
      .titles = {"Inkoopmanager", "Projectleider"},
      .first_names = {"Daan", "Sanne", "Joost", "Femke", "Maarten", "Eline", "Chloë", "Zoë"},
      .last_names = {"de Vries", "van Dijk", "Bakker", "Visser", "Janssen", "Smit"},
      .companies = {"Van der Berg Logistiek B.V.", "Polderzicht Handel B.V."},
      .cities = {"Utrecht", "Eindhoven", "Groningen"},
      .footers = {"Dit bericht en de bijlagen zijn vertrouwelijk en uitsluitend bestemd voor de "
                  "geadresseerde. Bent u niet de bedoelde ontvanger of hebt u dit bericht per "
                  "vergissing ontvangen, meld dit dan aan de afzender en verwijder het. Elk "
                  "ongeoorloofd gebruik, openbaarmaking of kopiëren is verboden."},
  };
}

Lang Polish() {
  return Lang{
      .code = "pl",
      .content_language = "pl-PL",
      .latin1 = false,
      .wd_short = {"niedz.", "pon.", "wt.", "śr.", "czw.", "pt.", "sob."},
      .wd_long = {"niedziela", "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota"},
      .mon_short = {"sty", "lut", "mar", "kwi", "maj", "cze", "lip", "sie", "wrz", "paź", "lis",
                    "gru"},
      .mon_long = {"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca",
                   "sierpnia", "września", "października", "listopada", "grudnia"},
      .gmail_attribution = "{wd}, {d} {mon} {y} o {HH}:{MM} {name} <{email}> napisał(a):",
      .client_attribution = "W dniu {dd}.{mm}.{y} o {HH}:{MM}, {name} pisze:",
      .outlook_date = "{WD}, {d} {MON} {y} {HH}:{MM}",
      .gmail_forward_date = "{wd}, {d} {mon} {y} o {HH}:{MM}",
      .original_message = "-----Oryginalna wiadomość-----",
      .l_from = "Od:",
      .l_sent = "Wysłano:",
      .l_to = "Do:",
      .l_cc = "DW:",
      .l_subject = "Temat:",
      .l_date = "Date:",
      .re_gmail = "Re: ",
      .re_outlook = "Odp: ",
      .fw_gmail = "Fwd: ",
      .fw_outlook = "PD: ",
      .forwarded = "---------- Przekazana wiadomość ---------",
      .sent_from_phone = "Wysłane z iPhone'a",
      .money = "{units},00 zł",
      .thousands = ' ',
      .greetings = {"Dzień dobry,", "Witam,", "Cześć {first},"},
      .greetings_all = {"Szanowni Państwo,", "Dzień dobry wszystkim,"},
      .openers = {"Dziękuję za szybką odpowiedź.", "Nawiązując do naszej dzisiejszej rozmowy."},
      .info =
          {
              "Nowy harmonogram przesuwa uruchomienie o tydzień.",
              "W załączniku przesyłam zaktualizowane zestawienie zamówienia {n}.",
              "Nasz magazyn potwierdził, że dostawa wyjechała dziś rano.",
              "Kwota na fakturze powinna wynosić {amount}, a nie tyle, ile w wersji roboczej.",
          },
      .requests = {"Czy mógłby Pan przesłać poprawioną ofertę do końca tygodnia?",
                   "Czy mogą Państwo potwierdzić adres dostawy drugiej przesyłki?",
                   "Czy pasuje Panu krótka rozmowa jutro o 14:00?"},
      .heated =
          {
              "To już trzeci raz, kiedy pytam o tę samą fakturę.",
              "Nadal czekamy na odpowiedź, a termin dawno minął.",
              "Szczerze mówiąc, to jest nie do przyjęcia.",
              "Jeśli do poniedziałku nie zostanie to rozwiązane, zwrócimy się do Państwa zarządu.",
          },
      .repair = {"Przepraszam za opóźnienie.", "Osobiście się tym zajmę i odezwę się jutro rano.",
                 "Czy możemy dziś krótko porozmawiać przez telefon?"},
      .closers = {"Z góry dziękuję.", "W razie pytań jestem do dyspozycji."},
      .signoffs = {"Pozdrawiam,", "Z poważaniem,", "Serdecznie pozdrawiam,"},
      .short_replies = {"Dziękuję, otrzymałem.", "Pasuje, do usłyszenia.", "Przyjąłem."},
      .topics = {"Opóźnienie dostawy zamówienia {n}", "Korekta faktury {n}",
                 "Dostęp do panelu raportów"},
      .titles = {"Kierownik zakupów", "Kierowniczka projektu"},
      .first_names = {"Łukasz", "Małgorzata", "Paweł", "Agnieszka", "Michał", "Joanna"},
      .last_names = {"Wiśniewski", "Kowalczyk", "Zieliński", "Wójcik", "Dąbrowski", "Lewandowski"},
      .companies = {"Łódzkie Zakłady Handlowe Sp. z o.o.", "Wiślana Spedycja S.A."},
      .cities = {"Łódź", "Kraków", "Gdańsk", "Wrocław"},
      .footers = {"Ta wiadomość i jej załączniki są poufne i przeznaczone wyłącznie dla "
                  "adresata. Jeśli nie są Państwo zamierzonym odbiorcą lub otrzymali ją Państwo "
                  "przez pomyłkę, prosimy o poinformowanie nadawcy i usunięcie wiadomości. "
                  "Wszelkie nieuprawnione rozpowszechnianie lub kopiowanie jest zabronione."},
  };
}

}  // namespace

const std::vector<Lang>& Langs() {
  static const std::vector<Lang> langs = {English(),    German(),  French(), Spanish(), Swedish(),
                                          Portuguese(), Italian(), Dutch(),  Polish()};
  return langs;
}

const Words& AccentedEnglishFirstNames() {
  static const Words w = {"Zoë", "Renée", "José", "Chloé", "André", "Noël", "Björn", "Rosalía"};
  return w;
}

const Words& CompanyPrefixes() {
  static const Words w = {"Alder",    "Copperfield", "Bluestone",  "Kestrel",   "Marlow",
                          "Redwood",  "Sable",       "Tidewater",  "Quarry",    "Lumen",
                          "Orchard",  "Pinecrest",   "Granite",    "Heron",     "Juniper",
                          "Meridian", "Oakridge",    "Silverline", "Westbrook", "Foxglove",
                          "Harrow",   "Larkspur",    "Ironbridge", "Saltmarsh", "Wren"};
  return w;
}

const Words& CompanySuffixes() {
  static const Words w = {"Logistics", "Health",   "Retail",        "Foods",     "Energy",
                          "Analytics", "Partners", "Manufacturing", "Insurance", "Media",
                          "Freight",   "Dental",   "Labs",          "Hotels",    "Systems"};
  return w;
}

const Words& EnvironmentLines() {
  static const Words w = {
      "Please consider the environment before printing this email.",
      "This email has been checked for viruses by the {company} mail gateway.",
  };
  return w;
}

const Words& LogLines() {
  static const Words w = {
      "2026-10-14T08:12:45Z ERROR upload-gateway request {n} failed: timeout after 30000 ms",
      "2026-10-14T08:12:46Z WARN  retry 1/3 for batch {n2} (connection reset by peer)",
      "2026-10-14T08:13:02Z ERROR sftp: permission denied for /inbound/orders/{n}.csv",
      "2026-10-14T08:13:05Z INFO  queue depth 4{n2} (limit 500), consumers 2",
      "  at com.brightline.export.Writer.flush(Writer.java:212)",
      "  at com.brightline.export.Job.run(Job.java:88)",
      "HTTP/1.1 502 Bad Gateway (upstream: reports-api, 0.{n2} s)",
      "Exception: KILL signal received, process terminated (exit code 137)",
      "SELECT count(*) FROM orders WHERE status = 'FAILED' AND batch_id = {n};",
      "ORA-00060: deadlock detected while waiting for resource",
  };
  return w;
}

const Words& LogIntros() {
  static const Words w = {"Here is what we see in the logs:", "The error from last night:",
                          "Our monitoring shows this:", "This is the output from the failed run:"};
  return w;
}

const Words& PasteIntros() {
  static const Words w = {
      "Our system keeps rejecting attachments, so the full export is pasted below.",
      "Here is the complete list from our side, straight from the warehouse system.",
      "Pasting the full order history below so we are all looking at the same data.",
  };
  return w;
}

const Words& ForwardNotes() {
  static const Words w = {"FYI, see below.", "Can you take this one? Details below.",
                          "Forwarding for visibility, this needs an answer today.",
                          "See the thread below; can we discuss at the stand-up?"};
  return w;
}

const Words& InlineAnswers() {
  static const Words w = {"Agreed, let's do that.",
                          "Done, see the attached sheet.",
                          "Not yet; I'll chase it today.",
                          "Yes, that is the right address.",
                          "No, the second site is not affected.",
                          "That was fixed in the last release.",
                          "I'll check with finance and come back to you."};
  return w;
}

const Words& Attachments() {
  static const Words w = {"invoice-{n}.pdf",        "Q3 report.pdf",         "screenshot.png",
                          "signed contract.pdf",    "delivery note {n}.pdf", "error.png",
                          "orders-export-{n}.xlsx", "rollout plan v2.pdf",   "image001.png"};
  return w;
}

const Words& ForeignAttachments() {
  static const Words w = {"Übersicht_{n}.pdf",    "Rechnung_{n}.pdf",  "Récapitulatif {n}.pdf",
                          "Lieferschein {n}.pdf", "Pedido nº {n}.pdf", "Zestawienie_{n}.pdf"};
  return w;
}

}  // namespace tonewatch::bench::words
