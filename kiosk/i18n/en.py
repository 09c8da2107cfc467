"""English UI translations, the source for kiosk_en.ts (scripts/update_translations.py).

Keeping them here as data lets a translator review one readable file; the .ts/.qm files
Qt loads are generated from it.
"""

EN = {
    "Sommaire": "Contents",
    "Retour à la page": "Back to the page",
    "Vue": "Seen",
    "Page %1 vue avec le patient": "Page %1 seen with the patient",
    "Page affichée en ce moment": "Page on screen now",
    "Question retirée.": "Question removed.",
    "Votre question est enregistrée.": "Your question is saved.",
    "Enregistrer": "Save",
    "Sommaire : %1": "Contents: %1",
    "Écouter": "Listen",
    "Écouter la définition": "Listen to the definition",
    "Fermer": "Close",
    "Fermer la définition": "Close the definition",
    "Définition : %1": "Definition: %1",
    "Taille du texte :": "Text size:",
    "Contraste élevé": "High contrast",
    "Texte normal": "Normal text",
    "Texte grand": "Large text",
    "Texte très grand": "Very large text",
    "Retour à la lecture": "Back to reading",
    "Les mots expliqués": "Words explained",
    "Accueil": "Home",
    "Bienvenue": "Welcome",
    "Touchez un sujet pour commencer la lecture.": "Touch a topic to start reading.",
    "Langue : %1": "Language: %1",
    "Le contenu n'est pas disponible": "The content is not available",
    "Merci de prévenir l'équipe. Les informations ci-dessous sont pour elle.": (
        "Please tell the staff. The information below is for them."
    ),
    "Clavier": "Keyboard",
    "Maj": "Shift",
    "Espace": "Space",
    "Effacer": "Delete",
    "Ajouter": "Add",
    "éàç": "éàç",
    "123": "123",
    "Lettres accentuées": "Accented letters",
    "Chiffres": "Digits",
    "Questions à poser à votre médecin :": "Questions to ask your doctor:",
    "Code du personnel": "Staff code",
    "Valider": "OK",
    "Annuler": "Cancel",
    "Aucun code n'est réglé : l'accès du personnel n'est possible qu'en mode fenêtre "
    "(kiosk --windowed). Réglez un code avec « kiosk set-pin ».": (
        "No code is set: staff access only works in windowed mode (kiosk --windowed). "
        "Set a code with 'kiosk set-pin'."
    ),
    "Trop d'essais. Réessayez dans %1 secondes.": "Too many tries. Try again in %1 seconds.",
    "Code incorrect.": "Wrong code.",
    "Votre liste est vide. Touchez une question proposée, ou écrivez la vôtre avec le clavier.": (
        "Your list is empty. Touch a suggested question, or write your own with the keyboard."
    ),
    "Modifier": "Edit",
    "Retirer": "Remove",
    "Retirer : %1": "Remove: %1",
    "Modifier : %1": "Edit: %1",
    "Ajoutée": "Added",
    "Modifiez votre question ici.": "Edit your question here.",
    "Écrivez votre question ici, avec le clavier ci-dessous.": (
        "Write your question here, with the keyboard below."
    ),
    "Votre question": "Your question",
    "Retour à mes questions": "Back to my questions",
    "%1 / %2 caractères": "%1 / %2 characters",
    "Lecture": "Reading",
    "Mes questions": "My questions",
    "Terminer": "Finish",
    "Mon résumé": "My summary",
    "Questions proposées": "Suggested questions",
    "Écrire ma question": "Write my question",
    "Voulez-vous terminer ? Vos questions seront effacées de cet écran. "
    "Pensez à imprimer votre résumé avant.": (
        "Do you want to finish? Your questions will be erased from this screen. "
        "Remember to print your summary first."
    ),
    "Oui, terminer": "Yes, finish",
    "Non, revenir": "No, go back",
    "Ma liste (%1)": "My list (%1)",
    "Écrivez d'abord votre question.": "Please write your question first.",
    "Votre question est un peu longue (%1 caractères). Raccourcissez-la à %2.": (
        "Your question is a little long (%1 characters). Please shorten it to %2."
    ),
    "Vous avez déjà %1 questions. Retirez-en une pour en ajouter une autre.": (
        "You already have %1 questions. Remove one to add another."
    ),
    "Cette question est déjà dans votre liste.": "This question is already in your list.",
    "C'est noté : la question est dans votre liste.": "Done: the question is in your list.",
    "Affichage": "Display",
    "Taille du texte, contraste et langue": "Text size, contrast and language",
    "Mots expliqués": "Words explained",
    "Arrêter": "Stop",
    "Arrêter la lecture à voix haute": "Stop reading aloud",
    "Précédent": "Previous",
    "Texte de la page": "Page text",
    "Mes questions (%1)": "My questions (%1)",
    "Page %1 sur %2": "Page %1 of %2",
    "Suivant": "Next",
    "Pause": "Pause",
    "Reprendre": "Resume",
    "Écouter la page": "Listen to the page",
    "Espace du personnel": "Staff area",
    "Retour au kiosque": "Back to the kiosk",
    "Quitter l'application": "Quit the application",
    "Recharger le contenu": "Reload the content",
    "Imprimer une page de test": "Print a test page",
    "Informations pour le personnel": "Information for staff",
    "Passer en mode présentation": "Switch to presenter mode",
    "Passer en mode kiosque": "Switch to kiosk mode",
    "Langue par défaut :": "Default language:",
    "Sujet au démarrage :": "Topic at start:",
    "Êtes-vous toujours là ?": "Are you still there?",
    "Je continue": "I'm still here",
    "Sans réponse, tout ce que vous avez noté sera effacé dans %1 secondes.": (
        "Without an answer, everything you noted will be erased in %1 seconds."
    ),
    "Imprimer": "Print",
    "Enregistrer en PDF": "Save as PDF",
    "Aperçu de la feuille imprimée": "Preview of the printed sheet",
    "Résumé préparé le %1": "Summary prepared on %1",
    "À retenir": "Key points",
    "À signaler à l'équipe": "Tell the care team",
    "Mes questions pour le médecin": "My questions for the doctor",
    "Vous n'avez pas choisi de question. Vous pouvez en écrire ici :": (
        "You have not chosen any question. You can write some here:"
    ),
    "Réponse :": "Answer:",
    "Pages vues avec l'équipe": "Pages seen with the team",
    "Scannez ce code avec votre téléphone pour garder vos questions.": (
        "Scan this code with your phone to keep your questions."
    ),
    "Ce code contient vos %1 premières questions sur %2 (pas plus).": (
        "This code holds your first %1 questions out of %2 (it cannot hold more)."
    ),
    "Service : %1": "Department: %1",
    "Téléphone : %1": "Phone: %1",
    "Contenu version %1, relu le %2. Source : %3": "Content version %1, reviewed on %2. Source: %3",
    "Page %1 du résumé": "Summary page %1",
    "Choisissez ou écrivez des questions pour les garder.": (
        "Choose or write questions to keep them."
    ),
    "Code QR de vos questions": "QR code of your questions",
    "Impression en cours…": "Printing…",
    "C'est imprimé. Prenez votre feuille à l'imprimante.": (
        "Printed. Please take your sheet from the printer."
    ),
    "L'impression n'a pas marché. Ce n'est pas grave : scannez le code avec votre téléphone, "
    "ou demandez de l'aide à l'accueil.": (
        "Printing did not work. Don't worry: scan the code with your phone, "
        "or ask at the reception desk."
    ),
    "Le PDF n'a pas pu être enregistré.": "The PDF could not be saved.",
    "PDF enregistré : %1": "PDF saved: %1",
    "Aucun code n'est réglé : accès ouvert car le kiosque est en mode fenêtre.": (
        "No code is set: access granted because the kiosk runs in windowed mode."
    ),
    "Rechargement refusé : aucun sujet utilisable.": "Reload refused: no usable topic.",
    "Contenu rechargé (%1 problèmes).": "Content reloaded (%1 problems).",
    "Langue par défaut : %1": "Default language: %1",
    "Sujet au démarrage : %1": "Topic at start: %1",
    "Page de test envoyée à %1.": "Test page sent to %1.",
    "Échec de l'impression de test (%1).": "Test page failed (%1).",
    "Un petit souci technique": "A small technical problem",
    "Nous recommençons depuis le début. Vos questions ont été effacées.": (
        "We are starting again from the beginning. Your questions have been erased."
    ),
    "Recommencer": "Start again",
    "Touchez l'écran pour commencer": "Touch the screen to start",
    "Liste des pages": "List of pages",
    "Gardés dans leur dernière bonne version : %1": "Kept at their last good version: %1",
    "Sujets": "Topics",
    "Page à lire": "Page to read",
    "Ma liste de questions": "My list of questions",
    "Retour": "Back",
    "Plus": "More",
    "Plus de choix": "More choices",
    "suite %1 sur %2": "part %1 of %2",
    "Proposées": "Suggested",
    "Écrire": "Write",
    "Liste (%1)": "List (%1)",
    "Faire défiler : %1": "Scroll: %1",
    "Faire défiler": "Scroll",
    "La suite est plus bas": "More below",
    "Code et impression": "Code and printing",
    "À retenir :": "Key point:",
    "Illustration : %1": "Picture: %1",
    "Passer": "Skip",
    "Passer ces questions": "Skip these questions",
    "Commencer": "Start",
    "Relire la page": "Read the page again",
    "Question et réponses": "Question and answers",
    "Ai-je bien compris ?": "Did I understand?",
    "Voir la fin": "See the end",
    "Question suivante": "Next question",
    "Question %1 sur %2": "Question %1 of %2",
    (
        "Quelques questions pour vérifier ce que vous avez retenu. Ce n'est pas une note "
        ": rien n'est enregistré. Vous pouvez passer à tout moment."
    ): (
        "A few questions to check what you remember. This is not a test: nothing is "
        "recorded. You can skip at any time."
    ),
    (
        "Merci ! Vous avez vu toutes les questions. Les questions que vous avez ajoutées "
        "sont dans « Mes questions »."
    ): (
        "Thank you! You have seen all the questions. The questions you added are in “My questions”."
    ),
    "✓ La bonne réponse": "✓ The right answer",
    "Votre réponse": "Your answer",
    "Oui, c'est bien ça !": "Yes, that's right!",
    "Pas tout à fait.": "Not quite.",
    "Pas tout à fait. La bonne réponse est : %1": "Not quite. The right answer is: %1",
    "✓ Ajoutée à mes questions": "✓ Added to my questions",
    "Ajouter à mes questions": "Add to my questions",
    "Quelques questions pour vérifier": "A few questions to check what you remember",
    "Retour au quiz": "Back to the quiz",
    "Ai-je compris ?": "Did I get it?",
    (
        "Vos questions sont trop longues pour un code lisible : elles sont sur cette feuille."
    ): "Your questions are too long for a readable code: they are on this sheet.",
    "Mes questions pour le médecin (suite)": "My questions for the doctor (continued)",
    "Équipe soignante : %1": "Care team: %1",
    "Équipe soignante :": "Care team:",
    "Téléphone :": "Phone:",
    "Imprimer encore": "Print again",
    (
        "L'imprimante ne répond pas. Ce n'est pas grave : scannez le code avec votre "
        "téléphone, ou enregistrez le PDF. Vous pouvez aussi demander de l'aide."
    ): (
        "The printer is not answering. Don't worry: scan the code with your phone, "
        "or save the PDF. You can also ask for help."
    ),
    (
        "L'imprimante ne répond pas. Ce n'est pas grave : scannez le code avec votre "
        "téléphone, ou demandez de l'aide à l'accueil."
    ): (
        "The printer is not answering. Don't worry: scan the code with your phone, "
        "or ask for help at the desk."
    ),
    "L'imprimante ne répond pas. Ce n'est pas grave : demandez de l'aide à l'accueil.": (
        "The printer is not answering. Don't worry: ask for help at the desk."
    ),
    "Ce sujet n'existe pas dans cette langue. Vos questions sont gardées : "
    "choisissez une autre langue pour le retrouver.": (
        "This topic is not available in this language. Your questions are kept: "
        "choose another language to find it again."
    ),
    "Rechercher une mise à jour": "Look for an update",
    "Mises à jour désactivées": "Updates turned off",
    "intégrée": "built in",
    "Contenu : version %1": "Content: release %1",
}
