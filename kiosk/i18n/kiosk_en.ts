<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name>AttractScreen</name>
    <message>
        <source>Touchez l'écran pour commencer</source>
        <translation>Touch the screen to start</translation>
    </message>
</context>
<context>
    <name>ContentsScreen</name>
    <message>
        <source>Sommaire</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Retour à la page</source>
        <translation>Back to the page</translation>
    </message>
    <message>
        <source>Liste des pages</source>
        <translation>List of pages</translation>
    </message>
    <message>
        <source>Vue</source>
        <translation>Seen</translation>
    </message>
    <message>
        <source>Page %1 vue avec le patient</source>
        <translation>Page %1 seen with the patient</translation>
    </message>
    <message>
        <source>Quelques questions pour vérifier</source>
        <translation>A few questions to check what you remember</translation>
    </message>
    <message>
        <source>Sommaire : %1</source>
        <translation>Contents: %1</translation>
    </message>
    <message>
        <source>Page affichée en ce moment</source>
        <translation>Page on screen now</translation>
    </message>
</context>
<context>
    <name>DefinitionPanel</name>
    <message>
        <source>Écouter</source>
        <translation>Listen</translation>
    </message>
    <message>
        <source>Écouter la définition</source>
        <translation>Listen to the definition</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Fermer la définition</source>
        <translation>Close the definition</translation>
    </message>
    <message>
        <source>Définition : %1</source>
        <translation>Definition: %1</translation>
    </message>
</context>
<context>
    <name>DisplayBar</name>
    <message>
        <source>Taille du texte :</source>
        <translation>Text size:</translation>
    </message>
    <message>
        <source>Contraste élevé</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <source>Texte normal</source>
        <translation>Normal text</translation>
    </message>
    <message>
        <source>Texte grand</source>
        <translation>Large text</translation>
    </message>
    <message>
        <source>Texte très grand</source>
        <translation>Very large text</translation>
    </message>
</context>
<context>
    <name>GlossaryScreen</name>
    <message>
        <source>Lecture</source>
        <translation>Reading</translation>
    </message>
    <message>
        <source>Retour à la lecture</source>
        <translation>Back to reading</translation>
    </message>
    <message>
        <source>Les mots expliqués</source>
        <translation>Words explained</translation>
    </message>
    <message>
        <source>Affichage</source>
        <translation>Display</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Accueil</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Bienvenue</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>Touchez un sujet pour commencer la lecture.</source>
        <translation>Touch a topic to start reading.</translation>
    </message>
    <message>
        <source>Sujets</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>Langue : %1</source>
        <translation>Language: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Ce sujet n'existe pas dans cette langue. Vos questions sont gardées : choisissez une autre langue pour le retrouver.</source>
        <translation>This topic is not available in this language. Your questions are kept: choose another language to find it again.</translation>
    </message>
    <message>
        <source>Le contenu n'est pas disponible</source>
        <translation>The content is not available</translation>
    </message>
    <message>
        <source>Merci de prévenir l'équipe. Les informations ci-dessous sont pour elle.</source>
        <translation>Please tell the staff. The information below is for them.</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>Clavier</source>
        <translation>Keyboard</translation>
    </message>
    <message>
        <source>Maj</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>Espace</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Effacer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Ajouter</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>éàç</source>
        <translation>éàç</translation>
    </message>
    <message>
        <source>123</source>
        <translation>123</translation>
    </message>
    <message>
        <source>Lettres accentuées</source>
        <translation>Accented letters</translation>
    </message>
    <message>
        <source>Chiffres</source>
        <translation>Digits</translation>
    </message>
</context>
<context>
    <name>OverflowBar</name>
    <message>
        <source>Plus</source>
        <translation>More</translation>
    </message>
    <message>
        <source>Plus de choix</source>
        <translation>More choices</translation>
    </message>
</context>
<context>
    <name>PageNav</name>
    <message>
        <source>Précédent</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>Suivant</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Ai-je compris ?</source>
        <translation>Did I get it?</translation>
    </message>
    <message>
        <source>Mes questions</source>
        <translation>My questions</translation>
    </message>
    <message>
        <source>Page %1 sur %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <source>suite %1 sur %2</source>
        <translation>part %1 of %2</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <source>Page à lire</source>
        <translation>Page to read</translation>
    </message>
    <message>
        <source>Illustration : %1</source>
        <translation>Picture: %1</translation>
    </message>
    <message>
        <source>Questions à poser à votre médecin :</source>
        <translation>Questions to ask your doctor:</translation>
    </message>
</context>
<context>
    <name>PinPadScreen</name>
    <message>
        <source>Code du personnel</source>
        <translation>Staff code</translation>
    </message>
    <message>
        <source>Effacer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Valider</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Aucun code n'est réglé : l'accès du personnel n'est possible qu'en mode fenêtre (kiosk --windowed). Réglez un code avec « kiosk set-pin ».</source>
        <translation>No code is set: staff access only works in windowed mode (kiosk --windowed). Set a code with 'kiosk set-pin'.</translation>
    </message>
    <message>
        <source>Trop d'essais. Réessayez dans %1 secondes.</source>
        <translation>Too many tries. Try again in %1 seconds.</translation>
    </message>
    <message>
        <source>Code incorrect.</source>
        <translation>Wrong code.</translation>
    </message>
</context>
<context>
    <name>QuestionListView</name>
    <message>
        <source>Ma liste de questions</source>
        <translation>My list of questions</translation>
    </message>
    <message>
        <source>Votre liste est vide. Touchez une question proposée, ou écrivez la vôtre avec le clavier.</source>
        <translation>Your list is empty. Touch a suggested question, or write your own with the keyboard.</translation>
    </message>
</context>
<context>
    <name>QuestionRow</name>
    <message>
        <source>Modifier</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Retirer : %1</source>
        <translation>Remove: %1</translation>
    </message>
    <message>
        <source>Modifier : %1</source>
        <translation>Edit: %1</translation>
    </message>
</context>
<context>
    <name>QuestionToggle</name>
    <message>
        <source>Ajoutée</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Ajouter</source>
        <translation>Add</translation>
    </message>
</context>
<context>
    <name>QuestionWriter</name>
    <message>
        <source>Modifiez votre question ici.</source>
        <translation>Edit your question here.</translation>
    </message>
    <message>
        <source>Écrivez votre question ici, avec le clavier ci-dessous.</source>
        <translation>Write your question here, with the keyboard below.</translation>
    </message>
    <message>
        <source>Votre question</source>
        <translation>Your question</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Retour à mes questions</source>
        <translation>Back to my questions</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>%1 / %2 caractères</source>
        <translation>%1 / %2 characters</translation>
    </message>
</context>
<context>
    <name>QuestionsScreen</name>
    <message>
        <source>Lecture</source>
        <translation>Reading</translation>
    </message>
    <message>
        <source>Mes questions</source>
        <translation>My questions</translation>
    </message>
    <message>
        <source>Terminer</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Affichage</source>
        <translation>Display</translation>
    </message>
    <message>
        <source>Mon résumé</source>
        <translation>My summary</translation>
    </message>
    <message>
        <source>Questions proposées</source>
        <translation>Suggested questions</translation>
    </message>
    <message>
        <source>Proposées</source>
        <translation>Suggested</translation>
    </message>
    <message>
        <source>Écrire ma question</source>
        <translation>Write my question</translation>
    </message>
    <message>
        <source>Écrire</source>
        <translation>Write</translation>
    </message>
    <message>
        <source>Voulez-vous terminer ? Vos questions seront effacées de cet écran. Pensez à imprimer votre résumé avant.</source>
        <translation>Do you want to finish? Your questions will be erased from this screen. Remember to print your summary first.</translation>
    </message>
    <message>
        <source>Oui, terminer</source>
        <translation>Yes, finish</translation>
    </message>
    <message>
        <source>Non, revenir</source>
        <translation>No, go back</translation>
    </message>
    <message>
        <source>Ma liste (%1)</source>
        <translation>My list (%1)</translation>
    </message>
    <message>
        <source>Liste (%1)</source>
        <translation>List (%1)</translation>
    </message>
    <message>
        <source>Écrivez d'abord votre question.</source>
        <translation>Please write your question first.</translation>
    </message>
    <message>
        <source>Votre question est un peu longue (%1 caractères). Raccourcissez-la à %2.</source>
        <translation>Your question is a little long (%1 characters). Please shorten it to %2.</translation>
    </message>
    <message>
        <source>Vous avez déjà %1 questions. Retirez-en une pour en ajouter une autre.</source>
        <translation>You already have %1 questions. Remove one to add another.</translation>
    </message>
    <message>
        <source>Cette question est déjà dans votre liste.</source>
        <translation>This question is already in your list.</translation>
    </message>
    <message>
        <source>C'est noté : la question est dans votre liste.</source>
        <translation>Done: the question is in your list.</translation>
    </message>
    <message>
        <source>Votre question est enregistrée.</source>
        <translation>Your question is saved.</translation>
    </message>
</context>
<context>
    <name>QuizScreen</name>
    <message>
        <source>Passer</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>Passer ces questions</source>
        <translation>Skip these questions</translation>
    </message>
    <message>
        <source>Commencer</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Mes questions</source>
        <translation>My questions</translation>
    </message>
    <message>
        <source>Relire la page</source>
        <translation>Read the page again</translation>
    </message>
    <message>
        <source>Question et réponses</source>
        <translation>Question and answers</translation>
    </message>
    <message>
        <source>Ai-je bien compris ?</source>
        <translation>Did I understand?</translation>
    </message>
    <message>
        <source>Voir la fin</source>
        <translation>See the end</translation>
    </message>
    <message>
        <source>Question suivante</source>
        <translation>Next question</translation>
    </message>
    <message>
        <source>Question %1 sur %2</source>
        <translation>Question %1 of %2</translation>
    </message>
    <message>
        <source>Quelques questions pour vérifier ce que vous avez retenu. Ce n'est pas une note : rien n'est enregistré. Vous pouvez passer à tout moment.</source>
        <translation>A few questions to check what you remember. This is not a test: nothing is recorded. You can skip at any time.</translation>
    </message>
    <message>
        <source>Merci ! Vous avez vu toutes les questions. Les questions que vous avez ajoutées sont dans « Mes questions ».</source>
        <translation>Thank you! You have seen all the questions. The questions you added are in “My questions”.</translation>
    </message>
    <message>
        <source>✓ La bonne réponse</source>
        <translation>✓ The right answer</translation>
    </message>
    <message>
        <source>Votre réponse</source>
        <translation>Your answer</translation>
    </message>
    <message>
        <source>Oui, c'est bien ça !</source>
        <translation>Yes, that's right!</translation>
    </message>
    <message>
        <source>Pas tout à fait.</source>
        <translation>Not quite.</translation>
    </message>
    <message>
        <source>Pas tout à fait. La bonne réponse est : %1</source>
        <translation>Not quite. The right answer is: %1</translation>
    </message>
    <message>
        <source>✓ Ajoutée à mes questions</source>
        <translation>✓ Added to my questions</translation>
    </message>
    <message>
        <source>Ajouter à mes questions</source>
        <translation>Add to my questions</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Reprendre</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Écouter</source>
        <translation>Listen</translation>
    </message>
    <message>
        <source>Écouter la page</source>
        <translation>Listen to the page</translation>
    </message>
</context>
<context>
    <name>ReaderScreen</name>
    <message>
        <source>Accueil</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Sommaire</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Retour au quiz</source>
        <translation>Back to the quiz</translation>
    </message>
    <message>
        <source>Affichage</source>
        <translation>Display</translation>
    </message>
    <message>
        <source>Taille du texte, contraste et langue</source>
        <translation>Text size, contrast and language</translation>
    </message>
    <message>
        <source>Mots expliqués</source>
        <translation>Words explained</translation>
    </message>
    <message>
        <source>Arrêter</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Arrêter la lecture à voix haute</source>
        <translation>Stop reading aloud</translation>
    </message>
    <message>
        <source>Texte de la page</source>
        <translation>Page text</translation>
    </message>
    <message>
        <source>Mes questions (%1)</source>
        <translation>My questions (%1)</translation>
    </message>
    <message>
        <source>À retenir :</source>
        <translation>Key point:</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <source>Espace du personnel</source>
        <translation>Staff area</translation>
    </message>
    <message>
        <source>Retour au kiosque</source>
        <translation>Back to the kiosk</translation>
    </message>
    <message>
        <source>Quitter l'application</source>
        <translation>Quit the application</translation>
    </message>
    <message>
        <source>Recharger le contenu</source>
        <translation>Reload the content</translation>
    </message>
    <message>
        <source>Imprimer une page de test</source>
        <translation>Print a test page</translation>
    </message>
    <message>
        <source>Rechercher une mise à jour</source>
        <translation>Look for an update</translation>
    </message>
    <message>
        <source>Informations pour le personnel</source>
        <translation>Information for staff</translation>
    </message>
    <message>
        <source>Passer en mode présentation</source>
        <translation>Switch to presenter mode</translation>
    </message>
    <message>
        <source>Passer en mode kiosque</source>
        <translation>Switch to kiosk mode</translation>
    </message>
    <message>
        <source>Langue par défaut :</source>
        <translation>Default language:</translation>
    </message>
    <message>
        <source>Sujet au démarrage :</source>
        <translation>Topic at start:</translation>
    </message>
    <message>
        <source>Mises à jour désactivées</source>
        <translation>Updates turned off</translation>
    </message>
</context>
<context>
    <name>StillThereScreen</name>
    <message>
        <source>Êtes-vous toujours là ?</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <source>Je continue</source>
        <translation>I'm still here</translation>
    </message>
    <message>
        <source>Sans réponse, tout ce que vous avez noté sera effacé dans %1 secondes.</source>
        <translation>Without an answer, everything you noted will be erased in %1 seconds.</translation>
    </message>
</context>
<context>
    <name>SummaryScreen</name>
    <message>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Retour à mes questions</source>
        <translation>Back to my questions</translation>
    </message>
    <message>
        <source>Mon résumé</source>
        <translation>My summary</translation>
    </message>
    <message>
        <source>Enregistrer en PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>Aperçu de la feuille imprimée</source>
        <translation>Preview of the printed sheet</translation>
    </message>
    <message>
        <source>Résumé préparé le %1</source>
        <translation>Summary prepared on %1</translation>
    </message>
    <message>
        <source>À retenir</source>
        <translation>Key points</translation>
    </message>
    <message>
        <source>À signaler à l'équipe</source>
        <translation>Tell the care team</translation>
    </message>
    <message>
        <source>Mes questions pour le médecin</source>
        <translation>My questions for the doctor</translation>
    </message>
    <message>
        <source>Vous n'avez pas choisi de question. Vous pouvez en écrire ici :</source>
        <translation>You have not chosen any question. You can write some here:</translation>
    </message>
    <message>
        <source>Réponse :</source>
        <translation>Answer:</translation>
    </message>
    <message>
        <source>Pages vues avec l'équipe</source>
        <translation>Pages seen with the team</translation>
    </message>
    <message>
        <source>Scannez ce code avec votre téléphone pour garder vos questions.</source>
        <translation>Scan this code with your phone to keep your questions.</translation>
    </message>
    <message>
        <source>Vos questions sont trop longues pour un code lisible : elles sont sur cette feuille.</source>
        <translation>Your questions are too long for a readable code: they are on this sheet.</translation>
    </message>
    <message>
        <source>Mes questions pour le médecin (suite)</source>
        <translation>My questions for the doctor (continued)</translation>
    </message>
    <message>
        <source>Équipe soignante : %1</source>
        <translation>Care team: %1</translation>
    </message>
    <message>
        <source>Équipe soignante :</source>
        <translation>Care team:</translation>
    </message>
    <message>
        <source>Téléphone : %1</source>
        <translation>Phone: %1</translation>
    </message>
    <message>
        <source>Téléphone :</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>Contenu version %1, relu le %2. Source : %3</source>
        <translation>Content version %1, reviewed on %2. Source: %3</translation>
    </message>
    <message>
        <source>Page %1 du résumé</source>
        <translation>Summary page %1</translation>
    </message>
    <message>
        <source>Choisissez ou écrivez des questions pour les garder.</source>
        <translation>Choose or write questions to keep them.</translation>
    </message>
    <message>
        <source>Code QR de vos questions</source>
        <translation>QR code of your questions</translation>
    </message>
    <message>
        <source>Imprimer encore</source>
        <translation>Print again</translation>
    </message>
    <message>
        <source>Imprimer</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Impression en cours…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>C'est imprimé. Prenez votre feuille à l'imprimante.</source>
        <translation>Printed. Please take your sheet from the printer.</translation>
    </message>
    <message>
        <source>L'imprimante ne répond pas. Ce n'est pas grave : scannez le code avec votre téléphone, ou enregistrez le PDF. Vous pouvez aussi demander de l'aide.</source>
        <translation>The printer is not answering. Don't worry: scan the code with your phone, or save the PDF. You can also ask for help.</translation>
    </message>
    <message>
        <source>L'imprimante ne répond pas. Ce n'est pas grave : scannez le code avec votre téléphone, ou demandez de l'aide à l'accueil.</source>
        <translation>The printer is not answering. Don't worry: scan the code with your phone, or ask for help at the desk.</translation>
    </message>
    <message>
        <source>L'imprimante ne répond pas. Ce n'est pas grave : demandez de l'aide à l'accueil.</source>
        <translation>The printer is not answering. Don't worry: ask for help at the desk.</translation>
    </message>
    <message>
        <source>Le PDF n'a pas pu être enregistré.</source>
        <translation>The PDF could not be saved.</translation>
    </message>
    <message>
        <source>PDF enregistré : %1</source>
        <translation>PDF saved: %1</translation>
    </message>
</context>
<context>
    <name>Supervisor</name>
    <message>
        <source>Aucun code n'est réglé : accès ouvert car le kiosque est en mode fenêtre.</source>
        <translation>No code is set: access granted because the kiosk runs in windowed mode.</translation>
    </message>
    <message>
        <source>Rechargement refusé : aucun sujet utilisable.</source>
        <translation>Reload refused: no usable topic.</translation>
    </message>
    <message>
        <source>Contenu rechargé (%1 problèmes).</source>
        <translation>Content reloaded (%1 problems).</translation>
    </message>
    <message>
        <source>Gardés dans leur dernière bonne version : %1</source>
        <translation>Kept at their last good version: %1</translation>
    </message>
    <message>
        <source>Langue par défaut : %1</source>
        <translation>Default language: %1</translation>
    </message>
    <message>
        <source>Sujet au démarrage : %1</source>
        <translation>Topic at start: %1</translation>
    </message>
    <message>
        <source>Page de test envoyée à %1.</source>
        <translation>Test page sent to %1.</translation>
    </message>
    <message>
        <source>Échec de l'impression de test (%1).</source>
        <translation>Test page failed (%1).</translation>
    </message>
    <message>
        <source>Un petit souci technique</source>
        <translation>A small technical problem</translation>
    </message>
    <message>
        <source>Nous recommençons depuis le début. Vos questions ont été effacées.</source>
        <translation>We are starting again from the beginning. Your questions have been erased.</translation>
    </message>
    <message>
        <source>Recommencer</source>
        <translation>Start again</translation>
    </message>
</context>
<context>
    <name>TouchScrollArea</name>
    <message>
        <source>Faire défiler : %1</source>
        <translation>Scroll: %1</translation>
    </message>
    <message>
        <source>Faire défiler</source>
        <translation>Scroll</translation>
    </message>
    <message>
        <source>La suite est plus bas</source>
        <translation>More below</translation>
    </message>
</context>
<context>
    <name>UndoBanner</name>
    <message>
        <source>Question retirée.</source>
        <translation>Question removed.</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>UpdateService</name>
    <message>
        <source>intégrée</source>
        <translation>built in</translation>
    </message>
    <message>
        <source>Contenu : version %1</source>
        <translation>Content: release %1</translation>
    </message>
</context>
</TS>